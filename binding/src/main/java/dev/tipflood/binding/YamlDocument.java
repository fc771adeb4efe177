package dev.tipflood.binding;

import java.util.List;
import java.util.function.Function;

/**
 * Binds a whole YAML document whose root is a mapping: parses it with positions, reads it field
 * by field, and throws once with every problem found.
 *
 * <pre>{@code
 * Scenario s = YamlDocument.read(yaml, "my.yaml", ScenarioReader::scenario, ScenarioException::new);
 * }</pre>
 */
public final class YamlDocument {
  private YamlDocument() {}

  /**
   * @param root reads the root mapping (null when it recorded a problem)
   * @param failure makes the exception thrown for the problems, in file order
   */
  public static <T> T read(String yaml, String file, Function<MapView, T> root,
      Function<List<ValidationError>, ? extends RuntimeException> failure) {
    Problems problems = new Problems(file);
    T value = YamlTree.parse(yaml, problems).map(node -> Convs.object(root).read(node, "", problems)).orElse(null);
    problems.throwIfAny(failure);
    if (value == null) {
      throw new IllegalStateException("nothing read and no problem recorded for " + file);
    }
    return value;
  }
}
