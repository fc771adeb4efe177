package dev.tipflood.server.config;

import java.nio.charset.StandardCharsets;

/** Profile YAML given as text in tests, read as the file {@code p.yaml}. */
final class ProfileTexts {
  private ProfileTexts() {}

  static Profile parse(String yaml) {
    return ProfileLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "p.yaml");
  }

  /** The message of the {@link ProfileException} that {@code yaml} must raise. */
  static String error(String yaml) {
    try {
      parse(yaml);
    } catch (ProfileException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a ProfileException for:\n" + yaml);
  }
}
