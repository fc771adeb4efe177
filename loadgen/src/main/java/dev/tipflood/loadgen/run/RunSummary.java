package dev.tipflood.loadgen.run;

import dev.tipflood.loadgen.client.Outcome;
import dev.tipflood.loadgen.measure.ClassKey;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.PopulationPlan;
import dev.tipflood.reports.rundir.HistogramLogFile;
import dev.tipflood.reports.rundir.TaggedInterval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The short per-class text summary printed at the end of a run, computed from the client's
 * interval logs (until the reports module takes over). One block per population: tips planned,
 * started, finished (accepted or not) and lost; requests sent, including retries; request
 * outcomes; latency of accepted tips, corrected and raw.
 *
 * <p>Every request sent is counted exactly once, in exactly one outcome: the outcome it finished
 * with (from the interval logs), or {@code lost} when it was still waiting for its answer when
 * the run stopped (sent, per {@code progress.ndjson}, minus finished). The run drains before it
 * stops (docs/cli.md, {@code --grace}), so a lost tip is one that got no outcome, neither an
 * answer nor its own client's timeout, within the drain: for a legit tip the worst outcome. A
 * tip whose first attempt timed out and whose retry was cut off so counts one {@code timeout}
 * and one {@code lost} request, and is itself a lost tip. Counts cover the whole run;
 * the warm-up skip applies to the latency figures only.
 */
public final class RunSummary {
  /** The outcome label of a request that was sent but had no outcome when the run stopped. */
  public static final String LOST = "lost";

  private final LoadPlan plan;
  private final Map<ClassKey, Histogram> counts;
  private final Map<ClassKey, Histogram> corrected;
  private final Map<ClassKey, Histogram> raw;
  private final Map<String, Sent> sent = new LinkedHashMap<>();

  /** Tips started and requests sent by one population, from the client's progress counters. */
  private record Sent(long tips, long requests) {}

  private RunSummary(LoadPlan plan, Map<ClassKey, Histogram> counts, Map<ClassKey, Histogram> corrected,
                     Map<ClassKey, Histogram> raw) {
    this.plan = plan;
    this.counts = counts;
    this.corrected = corrected;
    this.raw = raw;
  }

  /**
   * Adds, per population, the tips started and requests sent, from the last line of the client's
   * {@code progress.ndjson}; those sent but not in the interval logs are lost (still open when
   * Gatling's max duration, the end of the drain, cut them off). Without it, only finished requests are counted.
   */
  public RunSummary withProgress(com.fasterxml.jackson.databind.JsonNode lastProgress) {
    if (lastProgress != null) {
      for (PopulationPlan p : plan.populations()) {
        var n = lastProgress.path("populations").path(p.name());
        if (!n.isMissingNode()) {
          sent.put(p.name(), new Sent(n.path("tips").asLong(0), n.path("requests").asLong(0)));
        }
      }
    }
    return this;
  }

  public static RunSummary read(LoadPlan plan, Path correctedLog, Path rawLog) {
    return read(plan, correctedLog, rawLog, 0);
  }

  /**
   * As {@link #read(LoadPlan, Path, Path)}; latency figures leave out intervals that start in the
   * first {@code skipSeconds} (warm-up), counts do not.
   */
  public static RunSummary read(LoadPlan plan, Path correctedLog, Path rawLog, double skipSeconds) {
    Map<ClassKey, Histogram> all = totals(correctedLog, 0);
    return new RunSummary(plan, all, skipSeconds > 0 ? totals(correctedLog, skipSeconds) : all,
        totals(rawLog, skipSeconds));
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
    for (TaggedInterval interval : HistogramLogFile.read(log)) {
      Histogram hist = interval.histogram();
      first = first < 0 ? hist.getStartTimeStamp() : first;
      if (hist.getStartTimeStamp() - first < skipSeconds * 1000) {
        continue;
      }
      out.computeIfAbsent(ClassKey.parse(hist.getTag()), k -> new Histogram(3)).add(hist);
    }
    return out;
  }

  /**
   * Facts of one population.
   *
   * @param started    tips started, or -1 when unknown (no progress counters)
   * @param tips       tips finished: their last attempt ended, whatever its outcome
   * @param lost       tips started with no outcome when the run stopped
   * @param requests   requests sent, retries included; equals the sum of {@code outcomes}
   * @param outcomes   requests per outcome label, {@link #LOST} included
   * @param deferred   tips whose last attempt was answered {@code 202} (deferred, counted as accepted)
   * @param mediaLater deferred tips whose media the client sent later and the server accepted ({@code 201})
   * @param mediaOutcomes the later media uploads ({@code submit-media}, not counted in {@code requests}), per outcome label
   */
  public record PopulationFacts(String name, String truth, long planned, long started, long tips, long lost,
                                long accepted, long requests, long retries, Map<String, Long> outcomes,
                                Histogram acceptedCorrected, Histogram acceptedRaw,
                                long deferred, long mediaLater, Map<String, Long> mediaOutcomes) {
    /** Accepted tips over started ones (finished ones when the start count is unknown). */
    public double acceptedShare() {
      long base = started >= 0 ? started : tips;
      return base == 0 ? 0 : (double) accepted / base;
    }
  }

  public PopulationFacts facts(PopulationPlan p) {
    long tips = 0;
    long accepted = 0;
    long firstAttempts = 0;
    long retries = 0;
    long deferred = 0;
    Map<String, Long> outcomes = new TreeMap<>();
    Map<String, Long> mediaOutcomes = new TreeMap<>();
    for (Map.Entry<ClassKey, Histogram> e : counts.entrySet()) {
      ClassKey k = e.getKey();
      if (!k.population().equals(p.name())) {
        continue;
      }
      long n = e.getValue().getTotalCount();
      switch (k.request()) {
        case "tip" -> {
          tips += n;
          accepted += Outcome.parse(k.outcome()).isSuccess() ? n : 0;
          deferred += k.outcome().equals("202") ? n : 0;
        }
        // A deferred tip's later media upload: not an attempt of the tip, counted apart.
        case "submit-media" -> mediaOutcomes.merge(k.outcome(), n, Long::sum);
        case "submit-tip-retry" -> {
          retries += n;
          outcomes.merge(k.outcome(), n, Long::sum);
        }
        default -> {
          firstAttempts += n;
          outcomes.merge(k.outcome(), n, Long::sum);
        }
      }
    }
    long started = -1;
    long unfinishedTips = 0;
    Sent s = sent.get(p.name());
    if (s != null) {
      // A tip has one request in flight at a time: its first attempt until that ends, then its retries.
      started = Math.max(s.tips(), firstAttempts);
      long unfinishedRequests = Math.max(0, s.requests() - firstAttempts - retries);
      long unfinishedFirst = Math.min(unfinishedRequests, started - firstAttempts);
      retries += unfinishedRequests - unfinishedFirst;
      firstAttempts += unfinishedFirst;
      unfinishedTips = Math.max(0, started - tips);
      if (unfinishedRequests > 0) {
        outcomes.put(LOST, unfinishedRequests);
      }
    }
    return new PopulationFacts(p.name(), p.truth(), p.plannedTips(), started, tips, unfinishedTips, accepted,
        firstAttempts + retries, retries, outcomes, accepted(p, corrected), accepted(p, raw),
        deferred, mediaOutcomes.getOrDefault("201", 0L), mediaOutcomes);
  }

  /** The latencies of one population's accepted tips (ep=tip, 2xx). */
  private static Histogram accepted(PopulationPlan p, Map<ClassKey, Histogram> hists) {
    Histogram out = new Histogram(3);
    hists.forEach((k, h) -> {
      if (k.population().equals(p.name()) && k.request().equals("tip") && Outcome.parse(k.outcome()).isSuccess()) {
        out.add(h);
      }
    });
    return out;
  }

  /** Tips lost, over every population. */
  public long lostTips() {
    return facts().values().stream().mapToLong(PopulationFacts::lost).sum();
  }

  /** Legit tips lost. */
  public long lostLegitTips() {
    return facts().values().stream().filter(f -> "legit".equals(f.truth())).mapToLong(PopulationFacts::lost).sum();
  }

  public Map<String, PopulationFacts> facts() {
    Map<String, PopulationFacts> m = new LinkedHashMap<>();
    plan.populations().forEach(p -> m.put(p.name(), facts(p)));
    return m;
  }

  public String text() {
    StringBuilder b = new StringBuilder();
    for (PopulationFacts f : facts().values()) {
      boolean known = f.started() >= 0;
      b.append(String.format(Locale.ROOT, "%s (%s): planned %d tips, %sfinished %d, %saccepted %d (%.1f%% of %s); "
              + "%d requests incl. %d retries%n",
          f.name(), f.truth(), f.planned(), known ? "started " + f.started() + ", " : "", f.tips(),
          f.lost() > 0 ? "LOST " + f.lost() + ", " : "", f.accepted(), 100.0 * f.acceptedShare(),
          known ? "started" : "finished", f.requests(), f.retries()));
      StringBuilder o = new StringBuilder();
      // Answers and client-side ends first; lost (no outcome at all) last.
      f.outcomes().forEach((k, v) -> {
        if (!k.equals(LOST)) {
          o.append(' ').append(k).append(" x").append(v);
        }
      });
      if (f.outcomes().containsKey(LOST)) {
        o.append(' ').append(LOST).append(" x").append(f.outcomes().get(LOST));
      }
      b.append("  request outcomes:").append(o.length() == 0 ? " none" : o);
      if (f.outcomes().containsKey(LOST)) {
        b.append(" (lost: sent, no outcome by the end of the drain)");
      }
      b.append('\n');
      if (f.deferred() > 0) {
        StringBuilder m = new StringBuilder();
        f.mediaOutcomes().forEach((k, v) -> m.append(' ').append(k).append(" x").append(v));
        b.append(String.format(Locale.ROOT, "  deferred (202) %d tips; media accepted later for %d; media uploads:%s%n",
            f.deferred(), f.mediaLater(), m.length() == 0 ? " none" : m));
      }
      if (f.lost() > 0 && "legit".equals(f.truth())) {
        b.append(String.format(Locale.ROOT, "  %d LEGIT TIPS LOST: sent and never answered, the worst outcome%n", f.lost()));
      }
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
