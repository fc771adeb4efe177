package dev.tipflood.server.api;

import static dev.tipflood.server.testing.Multipart.BOUNDARY;
import static dev.tipflood.server.testing.Multipart.VALID_METADATA;
import static dev.tipflood.server.testing.Multipart.bytes;
import static dev.tipflood.server.testing.Multipart.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.RawHttp;
import dev.tipflood.server.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of malformed requests, sent byte-exact over a raw socket to a real server. Each
 * must get its specific status and code; afterwards the server must still serve, and no temp
 * or media file may be left behind.
 */
class MalformedRequestTest {
  static final String PROFILE = """
      name: test-caps
      limits:
        maxRequestBytes: 24KB
        maxMediaBytes: 16KB
        maxParts: 3
        maxMetadataBytes: 1KB
        maxDescriptionChars: 100
        maxHeaderBytes: 4KB
      ingress:
        maxConnections: 50
        idleTimeout: 30s
        slowBodyTimeout: 1s
      """;
  static final byte[] JPEG = bytes(2000);

  @TempDir
  static Path dataDir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, PROFILE);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void serverStillServesAndLeavesNoFiles() throws IOException {
    try (RawHttp http = new RawHttp(server.port())) {
      RawHttp.Response r = http.send(get("/api/v1/tips/0000000000000000000000000a")).read();
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.errorCode()).isEqualTo("tip_not_found");
    }
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(server.tempFiles()).as("temp files left behind").isZero();
      assertThat(server.mediaFiles()).as("media files of rejected tips").isZero();
    });
  }

  static Stream<Arguments> catalogue() {
    return Stream.of(
        rejected("metadata part missing", 400, "metadata_missing",
            () -> new Multipart().file("media", "a.jpg", "image/jpeg", JPEG).request()),
        rejected("metadata not JSON", 400, "metadata_invalid_json",
            () -> new Multipart().field("metadata", "{\"description\": ").request()),
        rejected("metadata an array", 400, "field_type",
            () -> new Multipart().field("metadata", "[1,2]").request()),
        rejected("lat is a string", 400, "field_type",
            () -> metadata(VALID_METADATA.replace("32.78", "\"32.78\""))),
        rejected("description is a number", 400, "field_type",
            () -> metadata(VALID_METADATA.replace("\"smoke near Elm St\"", "42"))),
        rejected("description with half a surrogate pair", 400, "metadata_invalid_json",
            () -> metadata(VALID_METADATA.replace("smoke near Elm St", "smoke \\ud83d near Elm St"))),
        rejected("lat out of range", 400, "lat_out_of_range",
            () -> metadata(VALID_METADATA.replace("32.78", "91.5"))),
        rejected("lon out of range", 400, "lon_out_of_range",
            () -> metadata(VALID_METADATA.replace("-96.80", "-180.01"))),
        rejected("description too long", 400, "description_too_long",
            () -> metadata(VALID_METADATA.replace("smoke near Elm St", "x".repeat(101)))),
        rejected("unknown metadata field", 400, "unknown_field",
            () -> metadata(VALID_METADATA.replace("{", "{\"hashtag\":\"#fancam\","))),
        rejected("deviceId missing", 400, "field_missing",
            () -> metadata(VALID_METADATA.replace(",\"deviceId\":\"device-0001\"", ""))),
        rejected("occurredAt not a date", 400, "occurred_at_invalid",
            () -> metadata(VALID_METADATA.replace("2020-05-31T18:04:05Z", "yesterday"))),
        rejected("deviceId with spaces", 400, "device_id_invalid",
            () -> metadata(VALID_METADATA.replace("device-0001", "my phone"))),
        rejected("two metadata parts", 400, "metadata_duplicate",
            () -> new Multipart().field("metadata", VALID_METADATA).field("metadata", VALID_METADATA).request()),
        rejected("metadata over its cap", 413, "metadata_too_large",
            () -> metadata(VALID_METADATA.replace("smoke near Elm St", "y".repeat(2000)))),
        rejected("JSON body instead of multipart", 415, "not_multipart",
            () -> ("POST /api/v1/tips HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + VALID_METADATA.length() + "\r\n\r\n" + VALID_METADATA).getBytes(StandardCharsets.UTF_8)),
        rejected("no Content-Type at all", 415, "not_multipart",
            () -> "POST /api/v1/tips HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi".getBytes(StandardCharsets.UTF_8)),
        rejected("Content-Type of a lone ';' (no media type at all)", 415, "not_multipart",
            () -> withHead("Content-Type: ;", new Multipart().field("metadata", VALID_METADATA).build())),
        rejected("boundary missing", 400, "boundary_missing",
            () -> withHead("Content-Type: multipart/form-data", new Multipart().field("metadata", VALID_METADATA).build())),
        rejected("boundary with illegal characters", 400, "boundary_invalid",
            () -> withHead("Content-Type: multipart/form-data; boundary=\"a<b>c\"",
                new Multipart().field("metadata", VALID_METADATA).build())),
        rejected("body uses a different boundary", 400, "multipart_malformed",
            () -> withHead("Content-Type: multipart/form-data; boundary=" + BOUNDARY,
                new Multipart("someOtherBoundary").field("metadata", VALID_METADATA).build())),
        rejected("body cut off before the closing boundary", 400, "body_truncated",
            () -> chunked(new Multipart().field("metadata", VALID_METADATA)
                .file("media", "a.jpg", "image/jpeg", JPEG).buildUnterminated())),
        rejected("Content-Length shorter than the body", 400, "body_truncated",
            () -> {
              byte[] body = new Multipart().file("media", "a.jpg", "image/jpeg", JPEG)
                  .field("metadata", VALID_METADATA).build();
              return concat(new Multipart().head(body.length - 30).getBytes(StandardCharsets.ISO_8859_1), body);
            }),
        rejected("Content-Length over the request cap", 413, "payload_too_large",
            () -> new Multipart().head(10L * 1024 * 1024).getBytes(StandardCharsets.ISO_8859_1)),
        rejected("chunked body over the request cap", 413, "payload_too_large",
            // Two 15KB parts: each within its 16KB cap, together over the 24KB request cap, so
            // only the request cap can fire, whatever the TCP segmentation.
            () -> chunked(new Multipart().field("metadata", VALID_METADATA)
                .file("media", "a.jpg", "image/jpeg", bytes(15 * 1024))
                .file("media", "b.jpg", "image/jpeg", bytes(15 * 1024)).build())),
        rejected("media part over its cap", 413, "media_too_large",
            () -> new Multipart().field("metadata", VALID_METADATA).file("media", "big.jpg", "image/jpeg",
                bytes(17 * 1024)).request()),
        rejected("too many parts", 400, "too_many_parts",
            () -> new Multipart().field("metadata", VALID_METADATA).file("media", "1.jpg", "image/jpeg", JPEG)
                .file("media", "2.jpg", "image/jpeg", JPEG).file("media", "3.jpg", "image/jpeg", JPEG).request()),
        rejected("nested multipart/mixed without a boundary", 400, "boundary_missing",
            () -> new Multipart().field("metadata", VALID_METADATA).raw("--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"media\"\r\nContent-Type: multipart/mixed\r\n\r\n"
                + "--inner\r\nContent-Disposition: attachment; filename=\"a.jpg\"\r\n\r\nAAAA\r\n--inner--\r\n")
                .request()),
        rejected("too many files in a nested multipart/mixed", 400, "too_many_parts",
            () -> new Multipart().field("metadata", VALID_METADATA).raw("--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"media\"\r\nContent-Type: multipart/mixed; boundary=inner\r\n\r\n"
                + ("--inner\r\nContent-Disposition: attachment; filename=\"a.jpg\"\r\n\r\nAAAA\r\n").repeat(3)
                + "--inner--\r\n\r\n").request()),
        rejected("filename with path traversal", 400, "bad_filename",
            () -> new Multipart().field("metadata", VALID_METADATA)
                .file("media", "../../etc/passwd", "image/jpeg", JPEG).request()),
        rejected("filename with a control character", 400, "bad_filename",
            () -> new Multipart().field("metadata", VALID_METADATA)
                .file("media", "evil\u0001.jpg", "image/jpeg", JPEG).request()),
        rejected("empty media file", 400, "empty_file",
            () -> new Multipart().field("metadata", VALID_METADATA)
                .file("media", "empty.jpg", "image/jpeg", new byte[0]).request()),
        rejected("unknown part name", 400, "unknown_part",
            () -> new Multipart().field("metadata", VALID_METADATA).file("video", "v.mp4", "video/mp4", JPEG).request()),
        rejected("media sent as a plain field", 400, "media_not_a_file",
            () -> new Multipart().field("metadata", VALID_METADATA).field("media", "not a file").request()),
        rejected("headers over the cap", 431, "headers_too_large",
            () -> ("GET /api/v1/tips/0000000000000000000000000a HTTP/1.1\r\nHost: x\r\nX-Junk: "
                + "j".repeat(8 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)),
        rejected("DELETE on the tips collection", 405, "method_not_allowed",
            () -> "DELETE /api/v1/tips HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)),
        rejected("PUT on a tip", 405, "method_not_allowed",
            () -> "PUT /api/v1/tips/0000000000000000000000000a HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1)),
        rejected("ill-formed tip id", 400, "tip_id_invalid",
            () -> get("/api/v1/tips/..%2F..%2Fetc")),
        rejected("unknown tip id", 404, "tip_not_found",
            () -> get("/api/v1/tips/ffffffffffffffffffffffffff")),
        rejected("unknown path", 404, "not_found",
            () -> get("/api/v2/tips")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void isRejectedPrecisely(String name, int status, String code, Supplier<byte[]> request) throws IOException {
    try (RawHttp http = new RawHttp(server.port())) {
      RawHttp.Response r = http.send(request.get()).read();
      assertThat(r.status()).as(r.body()).isEqualTo(status);
      assertThat(r.errorCode()).as(r.body()).isEqualTo(code);
      assertThat(r.headers().get("content-type")).isEqualTo("application/json");
    }
  }

  @Test
  void contentLengthLongerThanTheBodyTimesOut() throws IOException {
    byte[] body = new Multipart().field("metadata", VALID_METADATA).build();
    try (RawHttp http = new RawHttp(server.port())) {
      RawHttp.Response r = http.send(concat(new Multipart().head(body.length + 500).getBytes(StandardCharsets.ISO_8859_1),
          body)).read();
      assertThat(r.status()).isEqualTo(408);
      assertThat(r.errorCode()).isEqualTo("body_timeout");
    }
  }

  @Test
  void slowlorisThatSendsOnlyHeadersTimesOut() throws IOException {
    try (RawHttp http = new RawHttp(server.port())) {
      RawHttp.Response r = http.send(new Multipart().head(5000)).read();
      assertThat(r.status()).isEqualTo(408);
      assertThat(r.errorCode()).isEqualTo("body_timeout");
      assertThat(http.closedByServer()).isTrue();
    }
  }

  @Test
  void clientDisconnectingMidUploadLeavesNothingBehind() throws IOException {
    byte[] body = new Multipart().field("metadata", VALID_METADATA)
        .file("media", "a.jpg", "image/jpeg", bytes(12 * 1024)).build();
    try (RawHttp http = new RawHttp(server.port())) {
      http.send(new Multipart().head(body.length));
      http.send(java.util.Arrays.copyOf(body, body.length / 2));
      // Let the server open the temp file before the disconnect.
      await().atMost(Duration.ofSeconds(5)).until(() -> server.tempFiles() > 0);
    }
  }

  @Test
  void clientHalfClosingMidUploadIsNotAcknowledged() throws IOException {
    byte[] body = new Multipart().field("metadata", VALID_METADATA)
        .file("media", "a.jpg", "image/jpeg", bytes(8 * 1024)).build();
    try (RawHttp http = new RawHttp(server.port())) {
      http.send(new Multipart().head(body.length));
      http.send(java.util.Arrays.copyOf(body, body.length - 100));
      http.shutdownOutput();
      // The body can never complete: no 201 may come, only a close (or an error).
      assertThat(http.closedByServer()).isTrue();
    }
  }

  private static Arguments rejected(String name, int status, String code, Supplier<byte[]> request) {
    return Arguments.of(name, status, code, request);
  }

  private static byte[] metadata(String json) {
    return new Multipart().field("metadata", json).file("media", "a.jpg", "image/jpeg", JPEG).request();
  }

  private static byte[] withHead(String contentTypeLine, byte[] body) {
    return concat(("POST /api/v1/tips HTTP/1.1\r\nHost: x\r\n" + contentTypeLine + "\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body);
  }

  private static byte[] chunked(byte[] body) {
    StringBuilder head = new StringBuilder("POST /api/v1/tips HTTP/1.1\r\nHost: x\r\n"
        + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nTransfer-Encoding: chunked\r\n\r\n");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    for (int off = 0; off < body.length; off += 4096) {
      int n = Math.min(4096, body.length - off);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body, off, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  private static byte[] get(String path) {
    return ("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }
}
