package dev.tipflood.loadgen.client;

/**
 * The outcome of one request: an HTTP status, a timeout, or a connection error.
 * Its {@link #label()} is the {@code out=} tag value in the interval logs.
 */
public record Outcome(int status, Kind kind) {

  /** Outcome families. */
  public enum Kind { STATUS, TIMEOUT, CONNECTION_ERROR }

  public static final Outcome TIMEOUT = new Outcome(0, Kind.TIMEOUT);
  public static final Outcome CONNECTION_ERROR = new Outcome(0, Kind.CONNECTION_ERROR);

  public static Outcome status(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100..599, was " + status);
    }
    return new Outcome(status, Kind.STATUS);
  }

  /**
   * Classifies a finished request. Gatling gives no status for a failed exchange and does not
   * expose its error to the session, so a missing status is a timeout when the request ran for
   * (almost) its whole timeout, and a connection error otherwise (refused, reset, closed).
   *
   * @param status        the HTTP status, or {@code null} when none was received
   * @param elapsedMicros time from actual send to completion
   * @param timeoutMillis the request timeout
   */
  public static Outcome classify(Integer status, long elapsedMicros, int timeoutMillis) {
    if (status != null) {
      return status(status);
    }
    // 2% slack: Gatling's timeout fires on its own timer wheel, a little before or after.
    return elapsedMicros >= timeoutMillis * 980L ? TIMEOUT : CONNECTION_ERROR;
  }

  public boolean isSuccess() {
    return kind == Kind.STATUS && status >= 200 && status < 300;
  }

  public String label() {
    return switch (kind) {
      case STATUS -> Integer.toString(status);
      case TIMEOUT -> "timeout";
      case CONNECTION_ERROR -> "connection-error";
    };
  }

  /** Parses a {@link #label()} back. */
  public static Outcome parse(String label) {
    return switch (label) {
      case "timeout" -> TIMEOUT;
      case "connection-error" -> CONNECTION_ERROR;
      default -> status(Integer.parseInt(label));
    };
  }
}
