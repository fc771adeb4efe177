package dev.tipflood.reports.rundir;

import dev.tipflood.scenarios.model.Slo;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything reports read from one run directory, parsed and checked, before any analysis.
 *
 * @param root        the run directory
 * @param manifest    what ran
 * @param slo         the objectives of the run's scenario ({@code scenario.yaml})
 * @param populations the populations, in plan order
 * @param corrected   client latency, from the intended send time ({@code client/latency-corrected.hlog})
 * @param raw         client latency, from the actual send time ({@code client/latency-raw.hlog})
 * @param progress    cumulative client counters, one per second
 * @param server      server-side latency; empty without a server
 * @param timeline    server timeline; empty without a server
 * @param ready       {@code /ready} probes; empty without a server or in runs from before the probes were recorded
 */
public record RunData(Path root, RunManifest manifest, Slo slo, List<PopulationInfo> populations,
                      List<TaggedInterval> corrected, List<TaggedInterval> raw, List<ProgressSample> progress,
                      List<TaggedInterval> server, List<TimelineSample> timeline, List<ReadyProbe> ready) {
  public RunData {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(slo, "slo");
    populations = List.copyOf(populations);
    corrected = List.copyOf(corrected);
    raw = List.copyOf(raw);
    progress = List.copyOf(progress);
    server = List.copyOf(server);
    timeline = List.copyOf(timeline);
    ready = List.copyOf(ready);
  }

  /** The population with this name, or null. */
  public PopulationInfo population(String name) {
    return populations.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }
}
