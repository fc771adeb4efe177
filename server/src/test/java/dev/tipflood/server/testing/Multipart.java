package dev.tipflood.server.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds multipart/form-data bodies byte by byte, including broken ones. */
public final class Multipart {
  public static final String BOUNDARY = "tipfloodBoundary7MA4YWxk";
  public static final String VALID_METADATA =
      "{\"description\":\"smoke near Elm St\",\"lat\":32.78,\"lon\":-96.80,\"occurredAt\":\"2020-05-31T18:04:05Z\","
          + "\"deviceId\":\"device-0001\"}";

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final String boundary;

  public Multipart(String boundary) {
    this.boundary = boundary;
  }

  public Multipart() {
    this(BOUNDARY);
  }

  /** A form field (no filename). */
  public Multipart field(String name, String value) {
    return raw("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + value + "\r\n");
  }

  /** A file part. */
  public Multipart file(String name, String filename, String type, byte[] content) {
    raw("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
        + "\"\r\nContent-Type: " + type + "\r\n\r\n");
    body.writeBytes(content);
    return raw("\r\n");
  }

  public Multipart raw(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** The body with its closing delimiter. */
  public byte[] build() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(body.toByteArray());
    copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return copy.toByteArray();
  }

  /** The body without its closing delimiter: a cut-off upload. */
  public byte[] buildUnterminated() {
    return body.toByteArray();
  }

  /** Request head for a POST of {@code bodyLength} bytes with this builder's boundary. */
  public String head(long contentLength) {
    return "POST /api/v1/tips HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=" + boundary
        + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
  }

  /** A complete valid request: head plus body. */
  public byte[] request() {
    byte[] b = build();
    return concat(head(b.length).getBytes(StandardCharsets.ISO_8859_1), b);
  }

  public static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** Deterministic filler bytes. */
  public static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ('a' + (i * 7) % 26);
    }
    return b;
  }
}
