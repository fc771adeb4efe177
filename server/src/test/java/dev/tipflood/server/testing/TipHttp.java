package dev.tipflood.server.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Loopback HTTP to a {@link TestServer}'s public port: multipart POSTs and tip GETs, bounded in time. */
public final class TipHttp {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private TipHttp() {}

  /** POSTs {@code body} (built with {@link Multipart#BOUNDARY}) to {@code path}, with extra header name/value pairs. */
  public static HttpResponse<String> post(TestServer s, String path, Multipart body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.build()));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  /** {@code GET /api/v1/tips/{id}} as JSON. */
  public static JsonObject get(TestServer s, String id) {
    return new JsonObject(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/v1/tips/"
        + id)).timeout(Duration.ofSeconds(10)).build()).body());
  }

  /** Sends {@code r} on loopback and reads the answer as text; I/O failures are unchecked. */
  public static HttpResponse<String> send(HttpRequest r) {
    try {
      return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
