package dev.tipflood.server.api.error;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** Writes the one error shape every endpoint uses: {@code {"error":{"code","message"}}}. */
public final class ErrorResponder {
  /** Used when a 429 or 503 carries no wait of its own. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
  /** How long an erroneous request's remaining body is drained before the connection is closed. */
  static final Duration LINGER = Duration.ofSeconds(2);

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
    } else if (e.retryAfter().isPresent()) {
      response.putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds(e.retryAfter().get())); // e.g. 507 disk_full
    }
    boolean unread = !request.isEnded() && hasBody(request);
    if (unread) {
      response.putHeader(HttpHeaders.CONNECTION, "close");
      discardRest(request);
    }
    Future<Void> sent = response.end(body(e).encode());
    if (unread) {
      sent = sent.andThen(ar -> lingerThenClose(request));
    }
    return sent;
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (length != null && !length.trim().equals("0"));
  }

  /**
   * Reads and drops the rest of the body for a short while before closing: closing with unread
   * bytes makes the kernel send a reset, and the client may then lose the error answer.
   */
  private static void discardRest(HttpServerRequest request) {
    request.handler(b -> { });
    request.exceptionHandler(t -> { });
    request.endHandler(v -> request.connection().close());
    request.resume();
  }

  private static void lingerThenClose(HttpServerRequest request) {
    Context context = Vertx.currentContext();
    if (request.isEnded() || context == null) {
      request.connection().close();
    } else {
      context.owner().setTimer(LINGER.toMillis(), id -> request.connection().close());
    }
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
