package dev.tipflood.server.config;

/**
 * Thrown by a config record's compact constructor when one of its fields is invalid. The field
 * is relative to the record; the loader prefixes the section path and the file name.
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;

  private InvalidFieldException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** Creates the exception for {@code field} with a message that says what is allowed. */
  public static InvalidFieldException of(String field, String problem) {
    return new InvalidFieldException(field, problem);
  }

  /** The field name inside its record. */
  public String field() {
    return field;
  }

  /** The problem, without the field name. */
  public String problem() {
    return getMessage().substring(field.length() + 2);
  }

  static void require(boolean ok, String field, String problem) {
    if (!ok) {
      throw of(field, problem);
    }
  }
}
