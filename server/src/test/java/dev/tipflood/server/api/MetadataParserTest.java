package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.error.ApiException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.server.config.CountCap;
import dev.tipflood.server.tip.TipMetadata;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the metadata part may be, and the code and message for each way it can be wrong. */
class MetadataParserTest {
  private static final String VALID = "{\"description\":\"smoke near Elm St\",\"lat\":32.78,\"lon\":-96.80,"
      + "\"occurredAt\":\"2020-05-31T18:04:05Z\",\"deviceId\":\"device-0001\"}";
  private final MetadataParser parser = new MetadataParser(CountCap.of(20));

  @Test
  void parsesAValidObjectInAnyFieldOrder() {
    TipMetadata md = parser.parse(" {\"deviceId\":\"d-1\",\"occurredAt\":\"2020-05-31T20:04:05+02:00\","
        + "\"lon\":-96,\"lat\":3.2e1,\"description\":\"\\u00e9t\\u00e9 \\ud83d\\ude00\"}\n");
    assertThat(md).isEqualTo(new TipMetadata("\u00e9t\u00e9 \ud83d\ude00", 32.0, -96.0,
        Instant.parse("2020-05-31T18:04:05Z"), "d-1"));
    assertThat(parser.parse(VALID).description()).isEqualTo("smoke near Elm St");
  }

  @Test
  void theDescriptionCapCountsCodePoints() {
    String twentyEmoji = "\ud83d\ude00".repeat(20);
    assertThat(parser.parse(VALID.replace("smoke near Elm St", twentyEmoji)).description()).isEqualTo(twentyEmoji);
    rejects(VALID.replace("smoke near Elm St", "x".repeat(21)), ErrorCode.DESCRIPTION_TOO_LONG,
        "description has 21 characters; at most 20 are allowed");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "empty | `` | metadata_invalid_json | metadata is empty; expected a JSON object",
      "blank | `  \n ` | metadata_invalid_json | metadata is empty; expected a JSON object",
      "truncated | `{\"description\": ` | metadata_invalid_json | metadata is not valid JSON at line 1",
      "duplicate field | `{\"lat\":1,\"lat\":2}` | metadata_invalid_json | Duplicate field 'lat'",
      "trailing tokens | `{} {}` | metadata_invalid_json | metadata is not valid JSON at line 1, column 4",
      "array | `[1,2]` | field_type | metadata must be a JSON object, got an array",
      "string | `\"x\"` | field_type | metadata must be a JSON object, got a string",
      "null | `null` | field_type | metadata must be a JSON object, got null",
      "broken array | `[1,` | metadata_invalid_json | metadata is not valid JSON",
      "syntax error after an unknown field | `{\"x\":1,` | metadata_invalid_json | metadata is not valid JSON",
      "unknown field | `{\"hashtag\":{\"a\":[1]},\"description\":1}` | unknown_field | unknown metadata field 'hashtag'; allowed fields: description, lat, lon, occurredAt, deviceId",
      "unknown field with a NEL and an escaped LF, quoted as one printable line | `{\"a\u0085b\\nc\":1}` | unknown_field | unknown metadata field 'a\\x85b\\x0ac'; allowed fields",
      "occurredAt with a line separator | `{\"description\":\"d\",\"lat\":1,\"lon\":2,\"occurredAt\":\"x\u2028y\"}` | occurred_at_invalid | got 'x\\u2028y'",
      "missing field | `{\"description\":\"d\"}` | field_missing | metadata field 'lat' is required; required fields: description, lat, lon, occurredAt, deviceId",
      "description a number | `{\"description\":42}` | field_type | metadata field 'description' must be a string, got a number",
      "lat a string | `{\"description\":\"d\",\"lat\":\"32.78\"}` | field_type | metadata field 'lat' must be a number, got a string",
      "lat an object | `{\"description\":\"d\",\"lat\":{}}` | field_type | metadata field 'lat' must be a number, got an object",
      "lon a boolean | `{\"description\":\"d\",\"lat\":1,\"lon\":true}` | field_type | metadata field 'lon' must be a number, got a boolean",
      "lat out of range | `{\"description\":\"d\",\"lat\":91.5}` | lat_out_of_range | lat must be within -90..90 (WGS84), got 91.5",
      "lon out of range | `{\"description\":\"d\",\"lat\":1,\"lon\":-180.01}` | lon_out_of_range | lon must be within -180..180 (WGS84), got -180.01",
      "occurredAt not a date | `{\"description\":\"d\",\"lat\":1,\"lon\":2,\"occurredAt\":\"yesterday\"}` | occurred_at_invalid | occurredAt must be an ISO-8601 date-time with offset",
      "deviceId with a space | `{\"description\":\"d\",\"lat\":1,\"lon\":2,\"occurredAt\":\"2020-05-31T18:04:05Z\",\"deviceId\":\"my phone\"}` | device_id_invalid | deviceId must be 1-128 printable ASCII characters without spaces",
      "unpaired surrogate | `{\"description\":\"bad \\ud800 x\",\"lat\":1}` | metadata_invalid_json | metadata field 'description' holds an unpaired UTF-16 surrogate (\\ud800 at character 4)",
      "low surrogate first | `{\"description\":\"\\ude00\\ud83d\",\"lat\":1}` | metadata_invalid_json | unpaired UTF-16 surrogate (\\ude00 at character 0)",
      "deviceId null | `{\"description\":\"d\",\"lat\":1,\"lon\":2,\"occurredAt\":\"2020-05-31T18:04:05Z\",\"deviceId\":null}` | field_type | metadata field 'deviceId' must be a string, got null",
  })
  void rejects(String name, String json, String code, String messageStart) {
    assertThatThrownBy(() -> parser.parse(json))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code().wireName()).isEqualTo(code);
          assertThat(e.getMessage()).contains(messageStart);
        });
  }

  private void rejects(String json, ErrorCode code, String message) {
    assertThatThrownBy(() -> parser.parse(json))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }
}
