package dev.tipflood.reports.rundir;

import java.util.Objects;

/**
 * What ran, from {@code manifest.json}.
 *
 * @param formatVersion   run directory format version (1)
 * @param status          {@code completed}, {@code server-crashed}, {@code loadgen-failed}, ...
 * @param exitCode        the CLI's exit code for the run, -1 when the run did not finish
 * @param scenario        scenario name
 * @param profile         server profile
 * @param target          {@code embedded} or the URL driven
 * @param scale           similarity scale
 * @param durationSeconds how long load was offered
 * @param startedAt       ISO-8601 UTC
 * @param commandLine     as the CLI was started
 */
public record RunManifest(int formatVersion, String status, int exitCode, String scenario, String profile, String target,
                          double scale, double durationSeconds, String startedAt, String commandLine) {
  /** The run directory format this reader understands. */
  public static final int FORMAT_VERSION = 1;

  public RunManifest {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(scenario, "scenario");
    if (durationSeconds <= 0) {
      throw new IllegalArgumentException("scenario.durationSeconds must be > 0, was " + durationSeconds);
    }
  }

  /** True when tipflood started the server, so server-side files are expected. */
  public boolean embeddedServer() {
    return "embedded".equals(target);
  }
}
