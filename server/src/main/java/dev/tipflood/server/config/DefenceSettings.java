package dev.tipflood.server.config;

import dev.tipflood.server.defence.InvalidSettingException;
import dev.tipflood.server.defence.throttle.ClientKey;
import dev.tipflood.server.defence.throttle.Rate;
import dev.tipflood.units.ByteRate;
import dev.tipflood.units.ByteSize;
import dev.tipflood.units.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * A defence's settings text, read field by field with the catalogue's defaults; every bad value
 * is an {@link InvalidSettingException} naming the field and what is valid.
 */
public final class DefenceSettings {
  private final Map<String, String> text;
  private final Map<String, String> defaults;

  DefenceSettings(Map<String, String> text, Map<String, String> defaults) {
    this.text = text;
    this.defaults = defaults;
  }

  /** The field's text, or its default; null when neither is set. */
  public String raw(String field) {
    String t = text.get(field);
    return t != null ? t : defaults.get(field);
  }

  private <T> T parse(String field, Function<String, T> parser) {
    String t = raw(field);
    if (t == null) {
      return null;
    }
    try {
      return parser.apply(t.trim());
    } catch (IllegalArgumentException e) {
      throw InvalidSettingException.of(field, e.getMessage());
    }
  }

  public long count(String field) {
    Long n = parse(field, t -> {
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + t + "' is not a whole number");
      }
    });
    if (n == null) {
      throw InvalidSettingException.of(field, "is required: a whole number");
    }
    return n;
  }

  public int intCount(String field) {
    long n = count(field);
    InvalidSettingException.require(n >= 0 && n <= Integer.MAX_VALUE, field, "must be between 0 and "
        + Integer.MAX_VALUE + ", got " + n);
    return (int) n;
  }

  public Rate rate(String field) {
    return parse(field, t -> Rate.parse(t, Durations::parse));
  }

  /** A bandwidth in bytes per second; 0 for {@code unlimited}. */
  public long bytesPerSecond(String field) {
    ByteRate r = parse(field, ByteRate::parseOrUnlimited);
    return r == null || r.isUnlimited() ? 0 : r.bytesPerSecond();
  }

  /** A size in bytes; 0 when absent or {@code 0}. */
  public long bytes(String field) {
    ByteSize s = parse(field, ByteSize::parse);
    InvalidSettingException.require(s == null || !s.isUnlimited(), field, "must be a finite size");
    return s == null ? 0 : s.bytes();
  }

  /** A duration; null when absent. */
  public Duration duration(String field) {
    return parse(field, Durations::parse);
  }

  /** A decimal fraction such as {@code 0.25}; NaN when absent. */
  public double fraction(String field) {
    Double f = parse(field, t -> {
      if (!t.matches("[0-9]*\\.?[0-9]+")) {
        throw new IllegalArgumentException("'" + t + "' is not a decimal fraction like 0.25");
      }
      return Double.parseDouble(t);
    });
    return f == null ? Double.NaN : f;
  }

  public ClientKey key(String field) {
    return parse(field, ClientKey::parse);
  }

  public <T> T choice(String field, Function<String, T> parser) {
    return parse(field, parser);
  }
}
