package dev.tipflood.server.defence;

/**
 * A defence setting out of range. The field is the setting's name in the profile; the config
 * layer adds the file, line and defence. Made by {@link #of}, never for ordinary throttling.
 */
public final class InvalidSettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String problem;

  private InvalidSettingException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  public static InvalidSettingException of(String field, String problem) {
    return new InvalidSettingException(field, problem);
  }

  /** Throws unless {@code ok}. */
  public static void require(boolean ok, String field, String problem) {
    if (!ok) {
      throw of(field, problem);
    }
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
