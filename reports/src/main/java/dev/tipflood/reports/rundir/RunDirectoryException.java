package dev.tipflood.reports.rundir;

import java.nio.file.Path;

/**
 * A run directory (or a baseline) that cannot be read: a file is missing, truncated or corrupt.
 * The message names the file, and the line where there is one, and says what was expected, so
 * the CLI can print it as it is, without a stack trace.
 */
public final class RunDirectoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, so the CLI can map it to an exit code. */
  public enum Kind {
    /** The directory or a file it needs does not exist. */
    MISSING,
    /** A file exists but cannot be parsed: truncated, corrupt, or of an unknown format version. */
    CORRUPT
  }

  private final Kind kind;

  private RunDirectoryException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** A needed file or directory is absent. */
  public static RunDirectoryException missing(Path file, String what) {
    return new RunDirectoryException(Kind.MISSING, file + ": missing (" + what + ")", null);
  }

  /** A file that cannot be parsed, at a line (1-based; 0 when the whole file is meant). */
  public static RunDirectoryException corrupt(Path file, int line, String why) {
    return new RunDirectoryException(Kind.CORRUPT, file + (line > 0 ? ":" + line : "") + ": " + why, null);
  }

  /** A file that cannot be parsed, with the parser's exception as cause. */
  public static RunDirectoryException corrupt(Path file, int line, String why, Throwable cause) {
    return new RunDirectoryException(Kind.CORRUPT, file + (line > 0 ? ":" + line : "") + ": " + why, cause);
  }
}
