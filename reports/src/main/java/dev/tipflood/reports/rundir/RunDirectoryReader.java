package dev.tipflood.reports.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tipflood.scenarios.validate.ScenarioException;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.Slo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run directory (docs/run-directory.md) into {@link RunData}.
 *
 * <pre>{@code
 * RunData data = RunDirectoryReader.read(Path.of("runs/20261204-183007-fancam-flood-smoke"));
 * }</pre>
 *
 * Every problem is a {@link RunDirectoryException} naming the file (and line): a missing
 * manifest, plan or client log, a truncated line, a histogram that does not decode, an unknown
 * format version, client counters that go backwards. Server files are required only when the
 * manifest says tipflood started the server; {@code server/ready.ndjson} is optional (older runs).
 */
public final class RunDirectoryReader {
  private RunDirectoryReader() {
  }

  public static RunData read(Path root) {
    if (!Files.isDirectory(root)) {
      throw RunDirectoryException.missing(root, "a run directory");
    }
    RunManifest manifest = manifest(root.resolve("manifest.json"));
    Slo slo = slo(root.resolve("scenario.yaml"));
    List<PopulationInfo> pops = populations(root.resolve("plan.json"), root.resolve("manifest.json"));
    List<TaggedInterval> corrected = HistogramLogFile.read(root.resolve("client/latency-corrected.hlog"));
    List<TaggedInterval> raw = HistogramLogFile.read(root.resolve("client/latency-raw.hlog"));
    Path progressFile = root.resolve("client/progress.ndjson");
    List<ProgressSample> progress = JsonFiles.lines(progressFile, "client counters, one line per second", ProgressSample::of);
    if (progress.isEmpty()) {
      throw RunDirectoryException.corrupt(progressFile, 0, "empty: no client progress was recorded");
    }
    checkMonotonic(progressFile, progress);
    List<TaggedInterval> server = List.of();
    List<TimelineSample> timeline = List.of();
    List<ReadyProbe> ready = List.of();
    if (manifest.embeddedServer()) {
      server = HistogramLogFile.read(root.resolve("server/histograms.hlog"));
      timeline = JsonFiles.lines(root.resolve("server/timeline.ndjson"), "server timeline", TimelineSample::of);
      Path readyFile = root.resolve("server/ready.ndjson");
      if (Files.exists(readyFile)) {
        ready = JsonFiles.lines(readyFile, "/ready probes", ReadyProbe::of);
      }
    }
    return new RunData(root, manifest, slo, pops, corrected, raw, progress, server, timeline, ready);
  }

  private static RunManifest manifest(Path file) {
    JsonNode m = JsonFiles.object(file, "the run manifest");
    int version = m.path("formatVersion").asInt(-1);
    if (version != RunManifest.FORMAT_VERSION) {
      throw RunDirectoryException.corrupt(file, 0, "formatVersion " + (version < 0 ? "missing" : version)
          + ", this tipflood reads run directories of format " + RunManifest.FORMAT_VERSION);
    }
    JsonNode s = m.path("scenario");
    try {
      return new RunManifest(version, m.path("status").asText("running"), m.path("exitCode").asInt(-1),
          text(s, "name"), s.path("profile").asText(""), s.path("target").asText("embedded"), s.path("scale").asDouble(1),
          s.path("durationSeconds").asDouble(0), m.path("startedAt").asText(""), m.path("commandLine").asText(""));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw RunDirectoryException.corrupt(file, 0, e.getMessage(), e);
    }
  }

  private static String text(JsonNode n, String field) {
    if (!n.path(field).isTextual()) {
      throw new IllegalArgumentException("scenario." + field + " missing");
    }
    return n.path(field).asText();
  }

  private static Slo slo(Path file) {
    String yaml = JsonFiles.text(file, "the scenario source");
    try {
      return Scenarios.parse(yaml, file.toString()).slo();
    } catch (ScenarioException e) {
      throw RunDirectoryException.corrupt(file, 0, "invalid scenario: " + e.getMessage(), e);
    }
  }

  private static List<PopulationInfo> populations(Path planFile, Path manifestFile) {
    JsonNode plan = JsonFiles.object(planFile, "the load plan");
    JsonNode planned = JsonFiles.object(manifestFile, "the run manifest").path("plannedTips");
    List<PopulationInfo> out = new ArrayList<>();
    JsonNode pops = plan.path("populations");
    if (!pops.isArray() || pops.isEmpty()) {
      throw RunDirectoryException.corrupt(planFile, 0, "no populations");
    }
    for (JsonNode p : pops) {
      String name = p.path("name").asText("");
      String truth = p.path("truth").asText("");
      if (name.isEmpty() || !(truth.equals("legit") || truth.equals("junk"))) {
        throw RunDirectoryException.corrupt(planFile, 0, "a population needs a name and truth legit or junk, got name '"
            + name + "' truth '" + truth + "'");
      }
      JsonNode aps = p.path("arrivalsPerSecond");
      int[] arrivals = new int[aps.size()];
      long sum = 0;
      for (int i = 0; i < arrivals.length; i++) {
        arrivals[i] = aps.get(i).asInt();
        sum += arrivals[i];
      }
      out.add(new PopulationInfo(name, truth.equals("legit"), planned.path(name).asLong(sum), arrivals));
    }
    return out;
  }

  private static void checkMonotonic(Path file, List<ProgressSample> progress) {
    for (int i = 1; i < progress.size(); i++) {
      ProgressSample a = progress.get(i - 1);
      ProgressSample b = progress.get(i);
      for (var e : b.populations().entrySet()) {
        if (e.getValue().tips() < a.of(e.getKey()).tips() || e.getValue().completed() < a.of(e.getKey()).completed()) {
          throw RunDirectoryException.corrupt(file, i + 1, "counters of " + e.getKey() + " go backwards");
        }
      }
    }
  }
}
