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
      // Answered by the ingress itself, before any request exists (see HeaderDeadline).
      case HEADER_TIMEOUT -> ErrorCode.HEADER_TIMEOUT;
      case MEDIA_TYPE_UNSUPPORTED -> ErrorCode.MEDIA_TYPE_UNSUPPORTED;
      case MEDIA_TYPE_MISMATCH -> ErrorCode.MEDIA_TYPE_MISMATCH;
      case MEDIA_POLYGLOT -> ErrorCode.MEDIA_POLYGLOT;
      case MEDIA_TOO_MANY_PIXELS -> ErrorCode.MEDIA_TOO_MANY_PIXELS;
      case MEDIA_TOO_MANY_FRAMES -> ErrorCode.MEDIA_TOO_MANY_FRAMES;
      case MEDIA_HEADER_INVALID -> ErrorCode.MEDIA_HEADER_INVALID;
      case MEDIA_TRUNCATED -> ErrorCode.MEDIA_TRUNCATED;
      case MEDIA_EMPTY -> ErrorCode.EMPTY_FILE;
      case MEDIA_DUPLICATE -> ErrorCode.MEDIA_DUPLICATE;
      case MEDIA_KNOWN_JUNK -> ErrorCode.MEDIA_KNOWN_JUNK;
      case BROWNOUT -> ErrorCode.OVERLOADED;
    };
  }

  /** The error for {@code r}, made by defence {@code name}; Retry-After is the wait rounded up to a second. */
  static ApiException refused(String name, Decision.Reject r) {
    if (!r.reason().retryable()) {
      // Bad media: the same bytes would be refused again, so no Retry-After.
      return ApiException.of(code(r), "defence '" + name + "': " + r.detail());
    }
    return ApiException.retryLater(code(r), "defence '" + name + "': " + r.detail() + "; retry in "
        + String.format(java.util.Locale.ROOT, "%.1fs", r.waitNanos() / 1e9), Duration.ofNanos(r.waitNanos()));
  }
}
