package dev.tipflood.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A well-behaved client of the public API over loopback: posts tips with one photo, reads them back. */
public final class TipClient {
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{26})\"");
  private final HttpClient http;
  private final Duration timeout;

  public TipClient(Duration timeout) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    this.timeout = timeout;
  }

  /** Status of a POST whose connection broke before an answer was read: not acknowledged. */
  public static final int NO_ANSWER = -1;

  /** What a POST answered. {@code id} is present for a 201; {@code status} is {@link #NO_ANSWER} without an answer. */
  public record Posted(int status, Optional<String> id, Optional<String> retryAfter, String body, String sentSha256) {
    public boolean acknowledged() {
      return status == 201 && id.isPresent();
    }
  }

  /** Posts a tip without media: only its journal record has to be written. */
  public Posted postMetadataOnly(int port) throws IOException, InterruptedException {
    return post(port, new Multipart().field("metadata", Multipart.VALID_METADATA).build(), new byte[0]);
  }

  /** Posts a tip whose one photo is {@code photo}. */
  public Posted post(int port, byte[] photo) throws IOException, InterruptedException {
    return post(port, new Multipart().field("metadata", Multipart.VALID_METADATA)
        .file("media", "photo.jpg", "image/jpeg", photo).build(), photo);
  }

  private Posted post(int port, byte[] body, byte[] photo) throws IOException, InterruptedException {
    HttpResponse<String> r;
    try {
      r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tips"))
          .timeout(timeout)
          .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // An early error answer closes the connection while the body is still being sent; or the
      // server died. Either way nothing was acknowledged.
      return new Posted(NO_ANSWER, Optional.empty(), Optional.empty(), e.toString(), sha256(photo));
    }
    Matcher m = ID.matcher(r.body());
    Optional<String> id = r.statusCode() == 201 && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    return new Posted(r.statusCode(), id, r.headers().firstValue("Retry-After"), r.body(), sha256(photo));
  }

  /** {@code GET /api/v1/tips/{id}}: status and body. */
  public HttpResponse<String> get(int port, String id) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tips/" + id))
        .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET /health} on the admin port: the status code. */
  public int health(int adminPort) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/health"))
        .timeout(timeout).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** {@code size} bytes from {@code random}: every photo distinct, hence every SHA-256. */
  public static byte[] photo(java.util.Random random, int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
