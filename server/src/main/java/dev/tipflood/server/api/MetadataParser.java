package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.error.ApiException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.tipflood.server.config.CountCap;
import dev.tipflood.server.tip.IsoInstant;
import dev.tipflood.server.tip.TipMetadata;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Validates the {@code metadata} part into {@link TipMetadata}. Strict: unknown fields are
 * rejected ({@code unknown_field}) so a client typo is caught instead of silently dropped.
 */
public final class MetadataParser {
  /** The fields a metadata object has, all required. */
  public static final List<String> FIELDS = List.of("description", "lat", "lon", "occurredAt", "deviceId");
  private static final int MAX_DEVICE_ID = 128;
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .build();

  private final CountCap maxDescriptionChars;

  public MetadataParser(CountCap maxDescriptionChars) {
    this.maxDescriptionChars = maxDescriptionChars;
  }

  /**
   * Parses and validates. The whole text is read first, so a syntax error anywhere is reported
   * before any field problem; then the first unknown field, then the fields in {@link #FIELDS}
   * order.
   *
   * @throws ApiException with the code of the first problem found, naming the field
   */
  public TipMetadata parse(String json) {
    Fields f = readJson(json);
    if (f.unknown != null) {
      throw ApiException.of(ErrorCode.UNKNOWN_FIELD,
          "unknown metadata field '" + f.unknown + "'; allowed fields: " + String.join(", ", FIELDS));
    }
    String description = text(f, 0);
    requireWellFormedUnicode("description", description);
    long chars = description.codePointCount(0, description.length());
    if (maxDescriptionChars.isExceededBy(chars)) {
      throw ApiException.of(ErrorCode.DESCRIPTION_TOO_LONG, "description has " + chars
          + " characters; at most " + maxDescriptionChars + " are allowed");
    }
    double lat = number(f, 1);
    if (lat < -90 || lat > 90) {
      throw ApiException.of(ErrorCode.LAT_OUT_OF_RANGE, "lat must be within -90..90 (WGS84), got " + lat);
    }
    double lon = number(f, 2);
    if (lon < -180 || lon > 180) {
      throw ApiException.of(ErrorCode.LON_OUT_OF_RANGE, "lon must be within -180..180 (WGS84), got " + lon);
    }
    Instant occurredAt = instant(text(f, 3));
    String deviceId = text(f, 4);
    if (deviceId.isEmpty() || deviceId.length() > MAX_DEVICE_ID || !printableAscii(deviceId)) {
      throw ApiException.of(ErrorCode.DEVICE_ID_INVALID,
          "deviceId must be 1-" + MAX_DEVICE_ID + " printable ASCII characters without spaces");
    }
    return new TipMetadata(description, lat, lon, occurredAt, deviceId);
  }

  /** What the object held: per known field (in {@link #FIELDS} order) its token and value. */
  private static final class Fields {
    final JsonToken[] tokens = new JsonToken[FIELDS.size()];
    final String[] texts = new String[FIELDS.size()];
    final double[] numbers = new double[FIELDS.size()];
    String unknown;
  }

  /**
   * Streams through the whole text (no tree is built: this runs once per tip POST) and keeps the
   * known fields' values; nested values are checked for syntax and skipped.
   */
  private static Fields readJson(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      JsonToken root = p.nextToken();
      if (root == null) {
        throw ApiException.of(ErrorCode.METADATA_INVALID_JSON, "metadata is empty; expected a JSON object");
      }
      Fields f = new Fields();
      if (root == JsonToken.START_OBJECT) {
        readObject(p, f);
      } else {
        p.skipChildren();
      }
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new JsonParseException(p, "trailing " + trailing.asString() + " after the JSON value; "
            + "metadata is exactly one JSON object", p.currentTokenLocation());
      }
      if (root != JsonToken.START_OBJECT) {
        throw ApiException.of(ErrorCode.FIELD_TYPE, "metadata must be a JSON object, got " + kind(root));
      }
      return f;
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw ApiException.of(ErrorCode.METADATA_INVALID_JSON, "metadata is not valid JSON" + at + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  private static void readObject(JsonParser p, Fields f) throws IOException {
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken value = p.nextToken();
      int i = FIELDS.indexOf(name);
      if (i < 0) {
        if (f.unknown == null) {
          f.unknown = name;
        }
      } else {
        f.tokens[i] = value;
        if (value == JsonToken.VALUE_STRING) {
          f.texts[i] = p.getText();
        } else if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
          f.numbers[i] = p.getDoubleValue();
        }
      }
      p.skipChildren();
    }
  }

  private static JsonToken field(Fields f, int i) {
    JsonToken v = f.tokens[i];
    if (v == null) {
      throw ApiException.of(ErrorCode.FIELD_MISSING, "metadata field '" + FIELDS.get(i)
          + "' is required; required fields: " + String.join(", ", FIELDS));
    }
    return v;
  }

  private static String text(Fields f, int i) {
    JsonToken v = field(f, i);
    if (v != JsonToken.VALUE_STRING) {
      throw ApiException.of(ErrorCode.FIELD_TYPE, "metadata field '" + FIELDS.get(i) + "' must be a string, got "
          + kind(v));
    }
    return f.texts[i];
  }

  private static double number(Fields f, int i) {
    JsonToken v = field(f, i);
    if (!v.isNumeric()) {
      throw ApiException.of(ErrorCode.FIELD_TYPE, "metadata field '" + FIELDS.get(i) + "' must be a number, got "
          + kind(v));
    }
    return f.numbers[i];
  }

  /**
   * JSON lets a string escape half of a UTF-16 surrogate pair ({@code "\\ud800"}); such text
   * has no UTF-8 form, so it could not be stored as sent. Refused rather than altered.
   */
  private static void requireWellFormedUnicode(String field, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw ApiException.of(ErrorCode.METADATA_INVALID_JSON, String.format(java.util.Locale.ROOT,
            "metadata field '%s' holds an unpaired UTF-16 surrogate (\\u%04x at character %d); text must be "
                + "valid Unicode", field, (int) c, i));
      }
    }
  }

  private static boolean printableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static Instant instant(String text) {
    Instant utc = IsoInstant.parseOrNull(text);
    if (utc != null) {
      return utc;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.of(ErrorCode.OCCURRED_AT_INVALID, "occurredAt must be an ISO-8601 date-time with offset, "
          + "like 2020-05-31T18:04:05Z; got '" + text + "'");
    }
  }

  private static String kind(JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      default -> t.toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
