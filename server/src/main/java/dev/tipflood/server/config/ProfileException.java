package dev.tipflood.server.config;

import dev.tipflood.binding.ValidationError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A profile that cannot be found, read or validated. The message lists every error, one a line,
 * each with file, line, column, field path, the value as written and what is valid.
 */
public final class ProfileException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ValidationError> errors;

  ProfileException(String message, Throwable cause) {
    super(message, cause);
    this.errors = List.of();
  }

  ProfileException(String message) {
    super(message);
    this.errors = List.of();
  }

  ProfileException(List<ValidationError> errors) {
    super(errors.stream().map(ValidationError::message).collect(Collectors.joining(System.lineSeparator())));
    this.errors = List.copyOf(errors);
  }

  /** The located errors; empty when the profile could not be found or read at all. */
  public List<ValidationError> errors() {
    return errors;
  }
}
