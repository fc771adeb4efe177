package dev.tipflood.server.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One defence of a profile as written: its instance name, its kind (a name in the
 * {@link DefenceCatalogue}), whether it starts enabled, and its settings as text. The catalogue
 * has validated it by the time a profile holds it.
 *
 * <pre>{@code
 * defences:
 *   - name: per-device
 *     kind: token-bucket
 *     key: device
 *     capacity: 5
 *     refill: 1/2m
 * }</pre>
 */
public record DefenceSpec(String name, String kind, boolean enabled, Map<String, String> settings) {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public DefenceSpec {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** This spec with {@code changes} applied over its settings (not yet validated). */
  public DefenceSpec with(Map<String, String> changes) {
    Map<String, String> merged = new LinkedHashMap<>(settings);
    merged.putAll(changes);
    return new DefenceSpec(name, kind, enabled, merged);
  }

  public DefenceSpec withEnabled(boolean on) {
    return new DefenceSpec(name, kind, on, settings);
  }
}
