package dev.tipflood.server.config;

import java.util.List;
import java.util.Optional;

/** Finds the line of a nested key in block-style YAML, for error messages Jackson cannot place. */
final class YamlKeyLocator {
  private YamlKeyLocator() {}

  /** {@code ":line:column"} of the last key of {@code path}, or empty when it cannot be found. */
  static Optional<String> locate(String yaml, List<String> path) {
    List<String> lines = yaml.lines().toList();
    int from = 0;
    int parentIndent = -1;
    int line = -1;
    int column = -1;
    for (String key : path) {
      line = -1;
      for (int i = from; i < lines.size(); i++) {
        String l = lines.get(i);
        int indent = l.length() - l.stripLeading().length();
        if (!l.isBlank() && indent <= parentIndent) {
          break;
        }
        if (indent > parentIndent && l.stripLeading().matches(java.util.regex.Pattern.quote(key) + "\\s*:.*")) {
          line = i;
          column = indent;
          break;
        }
      }
      if (line < 0) {
        return Optional.empty();
      }
      from = line + 1;
      parentIndent = column;
    }
    return Optional.of(":" + (line + 1) + ":" + (column + 1));
  }
}
