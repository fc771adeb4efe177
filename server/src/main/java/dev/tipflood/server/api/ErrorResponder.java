package dev.tipflood.server.api;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** Writes the one error shape every endpoint uses: {@code {"error":{"code","message"}}}. */
public final class ErrorResponder {
  /** Used when a 429 or 503 carries no wait of its own. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private ErrorResponder() {}

  /**
   * Sends {@code e}. When the request body was not read to its end the connection is closed
   * after the answer, since the rest of the body cannot be told apart from a next request.
   */
  public static Future<Void> send(HttpServerRequest request, ApiException e) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return Future.succeededFuture();
    }
    if (response.headWritten()) {
      // Too late for an error body; cut the connection so the client sees a failure.
      request.connection().close();
      return Future.succeededFuture();
    }
    response.setStatusCode(e.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    if (e.status() == 429 || e.status() == 503) {
      response.putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds(e.retryAfter().orElse(DEFAULT_RETRY_AFTER)));
    }
    boolean close = !request.isEnded();
    if (close) {
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    Future<Void> sent = response.end(body(e).encode());
    if (close) {
      sent = sent.andThen(ar -> request.connection().close());
    }
    return sent;
  }

  /** The JSON body for {@code e}. */
  public static JsonObject body(ApiException e) {
    return new JsonObject().put("error",
        new JsonObject().put("code", e.code().wireName()).put("message", e.getMessage()));
  }

  /** Retry-After in whole seconds, rounded up, at least 1. */
  public static String retryAfterSeconds(Duration d) {
    long ms = Math.max(1, d.toMillis());
    return Long.toString((ms + 999) / 1000);
  }
}
