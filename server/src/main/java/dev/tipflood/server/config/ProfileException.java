package dev.tipflood.server.config;

/** A profile that cannot be found, read or validated. The message names file, field and what is allowed. */
public final class ProfileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ProfileException(String message, Throwable cause) {
    super(message, cause);
  }

  ProfileException(String message) {
    super(message);
  }
}
