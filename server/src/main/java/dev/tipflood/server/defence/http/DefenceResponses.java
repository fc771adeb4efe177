package dev.tipflood.server.defence.http;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.defence.Decision;
import java.time.Duration;

/** Turns a defence's rejection into the API's error, with Retry-After from the real wait. */
final class DefenceResponses {
  private DefenceResponses() {}

  static ErrorCode code(Decision.Refusal r) {
    return switch (r.reason()) {
      case RATE_LIMITED -> ErrorCode.RATE_LIMITED;
      case TOO_MANY_UPLOADS -> ErrorCode.TOO_MANY_UPLOADS;
      case CONCURRENCY_LIMITED -> ErrorCode.CONCURRENCY_LIMITED;
      case QUEUE_FULL -> ErrorCode.QUEUE_FULL;
      case QUEUE_TIMEOUT -> ErrorCode.QUEUE_TIMEOUT;
      case TOO_MANY_CONNECTIONS -> ErrorCode.TOO_MANY_CONNECTIONS;
      case BANDWIDTH -> ErrorCode.RATE_LIMITED;
      case BODY_TIMEOUT -> ErrorCode.BODY_TIMEOUT;
      // Never answered: an idle connection is closed without a response.
      case IDLE_TIMEOUT -> ErrorCode.BODY_TIMEOUT;
    };
  }

  /** The error for {@code r}, made by defence {@code name}; Retry-After is the wait rounded up to a second. */
  static ApiException refused(String name, Decision.Reject r) {
    return ApiException.retryLater(code(r), "defence '" + name + "': " + r.detail() + "; retry in "
        + String.format(java.util.Locale.ROOT, "%.1fs", r.waitNanos() / 1e9), Duration.ofNanos(r.waitNanos()));
  }
}
