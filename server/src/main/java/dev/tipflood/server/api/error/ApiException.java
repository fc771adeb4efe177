package dev.tipflood.server.api.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A request that gets an error answer. Cheap to throw: no stack trace, since a rejected request
 * is ordinary traffic, not a bug. The message, which may quote the request, is made one
 * printable line ({@link PrintableText}).
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;
  private final transient Duration retryAfter;

  private ApiException(ErrorCode code, String message, Duration retryAfter) {
    super(PrintableText.of(message), null, false, false);
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /** An error with a message that says what was wrong and what is allowed. */
  public static ApiException of(ErrorCode code, String message) {
    return new ApiException(code, message, null);
  }

  /** An error (429, 503, 507 disk_full) with the wait a client should observe before retrying. */
  public static ApiException retryLater(ErrorCode code, String message, Duration retryAfter) {
    return new ApiException(code, message, retryAfter);
  }

  public ErrorCode code() {
    return code;
  }

  public int status() {
    return code.status();
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
