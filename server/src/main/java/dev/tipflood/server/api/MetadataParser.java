package dev.tipflood.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.server.config.CountCap;
import dev.tipflood.server.tip.TipMetadata;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Validates the {@code metadata} part into {@link TipMetadata}. Strict: unknown fields are
 * rejected ({@code unknown_field}) so a client typo is caught instead of silently dropped.
 */
public final class MetadataParser {
  /** The fields a metadata object has, all required. */
  public static final List<String> FIELDS = List.of("description", "lat", "lon", "occurredAt", "deviceId");
  private static final Set<String> FIELD_SET = Set.copyOf(FIELDS);
  private static final int MAX_DEVICE_ID = 128;
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final CountCap maxDescriptionChars;

  public MetadataParser(CountCap maxDescriptionChars) {
    this.maxDescriptionChars = maxDescriptionChars;
  }

  /**
   * Parses and validates.
   *
   * @throws ApiException with the code of the first problem found, naming the field
   */
  public TipMetadata parse(String json) {
    JsonNode root = readJson(json);
    if (!root.isObject()) {
      throw ApiException.of(ErrorCode.FIELD_TYPE, "metadata must be a JSON object, got " + kind(root));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
      String name = it.next();
      if (!FIELD_SET.contains(name)) {
        throw ApiException.of(ErrorCode.UNKNOWN_FIELD,
            "unknown metadata field '" + name + "'; allowed fields: " + String.join(", ", FIELDS));
      }
    }
    String description = text(root, "description");
    long chars = description.codePointCount(0, description.length());
    if (maxDescriptionChars.isExceededBy(chars)) {
      throw ApiException.of(ErrorCode.DESCRIPTION_TOO_LONG, "description has " + chars
          + " characters; at most " + maxDescriptionChars + " are allowed");
    }
    double lat = number(root, "lat");
    if (lat < -90 || lat > 90) {
      throw ApiException.of(ErrorCode.LAT_OUT_OF_RANGE, "lat must be within -90..90 (WGS84), got " + lat);
    }
    double lon = number(root, "lon");
    if (lon < -180 || lon > 180) {
      throw ApiException.of(ErrorCode.LON_OUT_OF_RANGE, "lon must be within -180..180 (WGS84), got " + lon);
    }
    Instant occurredAt = instant(text(root, "occurredAt"));
    String deviceId = text(root, "deviceId");
    if (deviceId.isEmpty() || deviceId.length() > MAX_DEVICE_ID || !deviceId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ApiException.of(ErrorCode.DEVICE_ID_INVALID,
          "deviceId must be 1-" + MAX_DEVICE_ID + " printable ASCII characters without spaces");
    }
    return new TipMetadata(description, lat, lon, occurredAt, deviceId);
  }

  private static JsonNode readJson(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || root.isMissingNode()) {
        throw ApiException.of(ErrorCode.METADATA_INVALID_JSON, "metadata is empty; expected a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw ApiException.of(ErrorCode.METADATA_INVALID_JSON, "metadata is not valid JSON" + at + ": "
          + e.getOriginalMessage());
    }
  }

  private static JsonNode field(JsonNode root, String name) {
    JsonNode v = root.get(name);
    if (v == null) {
      throw ApiException.of(ErrorCode.FIELD_MISSING, "metadata field '" + name + "' is required; required fields: "
          + String.join(", ", FIELDS));
    }
    return v;
  }

  private static String text(JsonNode root, String name) {
    JsonNode v = field(root, name);
    if (!v.isTextual()) {
      throw ApiException.of(ErrorCode.FIELD_TYPE, "metadata field '" + name + "' must be a string, got " + kind(v));
    }
    return v.textValue();
  }

  private static double number(JsonNode root, String name) {
    JsonNode v = field(root, name);
    if (!v.isNumber()) {
      throw ApiException.of(ErrorCode.FIELD_TYPE, "metadata field '" + name + "' must be a number, got " + kind(v));
    }
    return v.doubleValue();
  }

  private static Instant instant(String text) {
    Instant utc = utcSeconds(text);
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

  /**
   * The common form {@code yyyy-MM-ddTHH:mm:ssZ} without java.time's general resolver (a
   * measurable share of a tip POST); {@code null} for anything else, which the full ISO parser
   * then accepts or rejects, so both paths agree on what is valid.
   */
  static Instant utcSeconds(String t) {
    if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
        || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return java.time.LocalDateTime.of(year, month, day, hour, minute, second).toInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null; // e.g. February 30th: the full parser names the problem
    }
  }

  /** The decimal value of {@code n} ASCII digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String t, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static String kind(JsonNode v) {
    return switch (v.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
