package dev.tipflood.loadgen.run;

/** Exit codes of {@code tipflood}, documented in docs/cli.md. */
public final class ExitCodes {
  /** The command completed (for {@code run}: the load ran to its end and the server stayed up). */
  public static final int OK = 0;
  /** An unexpected internal error. */
  public static final int INTERNAL = 1;
  /** Bad command-line usage (picocli's convention). */
  public static final int USAGE = 2;
  /** The scenario or the server profile is invalid. */
  public static final int INVALID_SCENARIO = 3;
  /** The target does not accept connections. */
  public static final int UNREACHABLE_TARGET = 4;
  /** The server child failed to start, or died during the run. */
  public static final int SERVER_CRASHED = 5;
  /** A non-loopback target was refused (no --i-own-this-target). */
  public static final int REFUSED_TARGET = 6;
  /** The load generator failed: Gatling crashed, or had to be killed at the hard stop. */
  public static final int LOADGEN_FAILED = 7;
  /** A needed file is missing (server jar, corpus). */
  public static final int MISSING_FILE = 8;
  /** An SLO failed ({@code run --fail-on-slo}, {@code check}). */
  public static final int SLO_FAILED = 9;
  /** {@code check}: a metric regressed beyond its tolerance against the baseline. */
  public static final int REGRESSION = 10;
  /** A run directory or baseline that cannot be read: truncated, corrupt, or of another format version. */
  public static final int UNREADABLE_RUN = 11;
  /** {@code pdq}: a file could not be hashed (missing, not an image, corrupt); the others were. */
  public static final int UNHASHABLE_FILE = 12;

  /** {@code verify}: an acknowledged tip is missing or does not match what was sent. */
  public static final int LOST_TIPS = 13;

  /** Interrupted (Ctrl-C, SIGINT): 128 + 2, the shell's convention; {@code sweep} still writes its report. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {
  }
}
