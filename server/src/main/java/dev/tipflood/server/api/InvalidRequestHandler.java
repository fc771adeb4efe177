package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ErrorResponder;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.error.ApiException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Requests the HTTP decoder already rejected (oversized headers or request line, bad syntax) still
 * get the JSON error shape. The connection is closed afterwards.
 */
public final class InvalidRequestHandler implements Handler<HttpServerRequest> {
  private final long maxHeaderBytes;

  public InvalidRequestHandler(long maxHeaderBytes) {
    this.maxHeaderBytes = maxHeaderBytes;
  }

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ApiException e;
    if (cause instanceof TooLongHttpHeaderException) {
      e = ApiException.of(ErrorCode.HEADERS_TOO_LARGE, "the request headers exceed " + maxHeaderBytes + " bytes");
    } else if (cause instanceof TooLongHttpLineException) {
      e = ApiException.of(ErrorCode.URI_TOO_LONG, "the request line is too long");
    } else {
      e = ApiException.of(ErrorCode.HTTP_MALFORMED, "the request is not valid HTTP/1.1"
          + (cause == null ? "" : ": " + cause.getMessage()));
    }
    request.response().setStatusCode(e.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(ErrorResponder.body(e).encode())
        .onComplete(ar -> request.connection().close());
  }
}
