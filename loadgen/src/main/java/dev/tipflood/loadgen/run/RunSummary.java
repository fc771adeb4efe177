package dev.tipflood.loadgen.run;

import dev.tipflood.loadgen.client.Outcome;
import dev.tipflood.loadgen.measure.ClassKey;
import dev.tipflood.loadgen.measure.TaggedLogReader;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.PopulationPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The short per-class text summary printed at the end of a run, computed from the client's
 * interval logs (until the reports module takes over). One block per population:
 * planned and sent tips, tips accepted (2xx in the end, after retries), requests including
 * retries, request outcomes, and latency of accepted tips, corrected and raw.
 */
public final class RunSummary {
  private final LoadPlan plan;
  private final Map<ClassKey, Histogram> corrected;
  private final Map<ClassKey, Histogram> raw;

  private final Map<String, Long> unfinished = new LinkedHashMap<>();
  private final Map<String, Long> started = new LinkedHashMap<>();

  private RunSummary(LoadPlan plan, Map<ClassKey, Histogram> corrected, Map<ClassKey, Histogram> raw) {
    this.plan = plan;
    this.corrected = corrected;
    this.raw = raw;
  }

  /**
   * Adds, per population, the requests sent but never finished (cut by Gatling's max duration),
   * from the last line of the client's {@code progress.ndjson}.
   */
  public RunSummary withProgress(com.fasterxml.jackson.databind.JsonNode lastProgress) {
    if (lastProgress != null) {
      for (PopulationPlan p : plan.populations()) {
        var n = lastProgress.path("populations").path(p.name());
        unfinished.put(p.name(), Math.max(0, n.path("requests").asLong(0) - n.path("completed").asLong(0)));
        started.put(p.name(), n.path("tips").asLong(0));
      }
    }
    return this;
  }

  public static RunSummary read(LoadPlan plan, Path correctedLog, Path rawLog) {
    return read(plan, correctedLog, rawLog, 0);
  }

  /** As {@link #read(LoadPlan, Path, Path)}, leaving out intervals that start in the first {@code skipSeconds} (warm-up). */
  public static RunSummary read(LoadPlan plan, Path correctedLog, Path rawLog, double skipSeconds) {
    return new RunSummary(plan, totals(correctedLog, skipSeconds), totals(rawLog, skipSeconds));
  }

  /** Adds up every interval of a tagged log, per class. */
  public static Map<ClassKey, Histogram> totals(Path log) {
    return totals(log, 0);
  }

  /** Adds up the intervals of a tagged log that start {@code skipSeconds} or more after its first, per class. */
  public static Map<ClassKey, Histogram> totals(Path log, double skipSeconds) {
    Map<ClassKey, Histogram> out = new TreeMap<>(java.util.Comparator.comparing(ClassKey::tag));
    if (!Files.isRegularFile(log)) {
      return out;
    }
    long first = -1;
    for (Histogram hist : TaggedLogReader.read(log)) {
      first = first < 0 ? hist.getStartTimeStamp() : first;
      if (hist.getStartTimeStamp() - first < skipSeconds * 1000) {
        continue;
      }
      out.computeIfAbsent(ClassKey.parse(hist.getTag()), k -> new Histogram(3)).add(hist);
    }
    return out;
  }

  /** Facts of one population. */
  public record PopulationFacts(String name, String truth, long planned, long tips, long accepted,
                                long requests, long retries, Map<String, Long> outcomes,
                                Histogram acceptedCorrected, Histogram acceptedRaw) {
    public double acceptedShare() {
      return tips == 0 ? 0 : (double) accepted / tips;
    }
  }

  public PopulationFacts facts(PopulationPlan p) {
    long tips = 0;
    long accepted = 0;
    long requests = 0;
    long retries = 0;
    Map<String, Long> outcomes = new TreeMap<>();
    Histogram okCorrected = new Histogram(3);
    Histogram okRaw = new Histogram(3);
    for (Map.Entry<ClassKey, Histogram> e : corrected.entrySet()) {
      ClassKey k = e.getKey();
      if (!k.population().equals(p.name())) {
        continue;
      }
      long n = e.getValue().getTotalCount();
      switch (k.request()) {
        case "tip" -> {
          tips += n;
          if (Outcome.parse(k.outcome()).isSuccess()) {
            accepted += n;
            okCorrected.add(e.getValue());
            Histogram r = raw.get(k);
            if (r != null) {
              okRaw.add(r);
            }
          }
        }
        case "submit-tip-retry" -> {
          retries += n;
          requests += n;
          outcomes.merge(k.outcome(), n, Long::sum);
        }
        default -> {
          requests += n;
          outcomes.merge(k.outcome(), n, Long::sum);
        }
      }
    }
    return new PopulationFacts(p.name(), p.truth(), p.plannedTips(), tips, accepted, requests, retries, outcomes,
        okCorrected, okRaw);
  }

  public Map<String, PopulationFacts> facts() {
    Map<String, PopulationFacts> m = new LinkedHashMap<>();
    plan.populations().forEach(p -> m.put(p.name(), facts(p)));
    return m;
  }

  public String text() {
    StringBuilder b = new StringBuilder();
    for (PopulationFacts f : facts().values()) {
      long base = started.getOrDefault(f.name(), f.tips());
      String startedText = started.containsKey(f.name()) ? "started " + base + ", " : "";
      b.append(String.format(Locale.ROOT, "%s (%s): planned %d tips, %sfinished %d, accepted %d (%.1f%% of %s); %d requests incl. %d retries%n",
          f.name(), f.truth(), f.planned(), startedText, f.tips(), f.accepted(), base == 0 ? 0 : 100.0 * f.accepted() / base,
          started.containsKey(f.name()) ? "started" : "finished", f.requests(), f.retries()));
      StringBuilder o = new StringBuilder();
      f.outcomes().forEach((k, v) -> o.append(' ').append(k).append(" x").append(v));
      b.append("  request outcomes:").append(o.length() == 0 ? " none" : o);
      long cut = unfinished.getOrDefault(f.name(), 0L);
      if (cut > 0) {
        b.append("; ").append(cut).append(" unfinished when the run stopped");
      }
      b.append('\n');
      if (f.accepted() > 0) {
        b.append(String.format(Locale.ROOT, "  accepted tip latency: p50 %s p99 %s max %s (corrected); p50 %s p99 %s (raw)%n",
            ms(f.acceptedCorrected().getValueAtPercentile(50)), ms(f.acceptedCorrected().getValueAtPercentile(99)),
            ms(f.acceptedCorrected().getMaxValue()),
            ms(f.acceptedRaw().getValueAtPercentile(50)), ms(f.acceptedRaw().getValueAtPercentile(99))));
      }
    }
    return b.toString();
  }

  static String ms(long micros) {
    return micros >= 10_000_000 ? String.format(Locale.ROOT, "%.1fs", micros / 1e6)
        : String.format(Locale.ROOT, "%.1fms", micros / 1e3);
  }
}
