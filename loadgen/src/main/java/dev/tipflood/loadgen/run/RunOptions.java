package dev.tipflood.loadgen.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything {@code tipflood run} was asked for, validated.
 *
 * @param scenario      built-in name or YAML file
 * @param profile       server profile override, or null for the scenario's
 * @param target        external target, or null to start the embedded server
 * @param outDir        parent of run directories
 * @param duration      duration override, or null
 * @param scale         scale override, or null
 * @param seed          seed override, or null
 * @param serverJar     explicit server jar, or null to locate it
 * @param corpusCache   corpus cache root
 * @param gatlingXmx    heap of the Gatling JVM, e.g. {@code -Xmx1g}
 * @param grace         time after the schedule for in-flight requests and retries; null: the
 *                      {@link dev.tipflood.loadgen.plan.DrainBound} of the scenario's clients
 * @param serverJvmArgs extra JVM arguments for the server child (tests, debugging)
 * @param gatlingJvmArgs extra JVM arguments for the Gatling child (benchmarks: GC logs)
 * @param commandLine   as typed, for the manifest
 */
public record RunOptions(String scenario, String profile, URI target, Path outDir, Duration duration, Double scale,
                         Long seed, Path serverJar, Path corpusCache, String gatlingXmx, Duration grace,
                         List<String> serverJvmArgs, List<String> gatlingJvmArgs, String commandLine) {
  public RunOptions {
    if (scenario == null || scenario.isBlank()) {
      throw new IllegalArgumentException("scenario must be given");
    }
    if (grace != null && grace.isNegative()) {
      throw new IllegalArgumentException("grace must be >= 0");
    }
    serverJvmArgs = List.copyOf(serverJvmArgs);
    gatlingJvmArgs = List.copyOf(gatlingJvmArgs);
  }

  /** Seconds the hard stop allows beyond the schedule and grace, for Gatling to write its report. */
  public static final int HARD_STOP_MARGIN_SECONDS = 60;
}
