package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ErrorResponder;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.error.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The one failure handler of both routers: turns {@code ctx.fail(...)} into the JSON error shape.
 * An {@link ApiException} is sent as is; a bare status becomes its generic code; anything else is
 * a 500 whose cause is logged, never shown.
 */
public final class ApiFailureHandler implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext ctx) {
    ErrorResponder.send(ctx.request(), toApiException(ctx.failure(), ctx.statusCode()));
  }

  static ApiException toApiException(Throwable failure, int status) {
    if (failure instanceof ApiException e) {
      return e;
    }
    if (failure == null) {
      return switch (status) {
        case 404 -> ApiException.of(ErrorCode.NOT_FOUND, "no such resource");
        case 405 -> ApiException.of(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed on this resource");
        case 401 -> ApiException.of(ErrorCode.UNAUTHORIZED, "authentication required");
        case 403 -> ApiException.of(ErrorCode.FORBIDDEN, "forbidden");
        default -> ApiException.of(ErrorCode.INTERNAL_ERROR, "internal error (status " + status + ")");
      };
    }
    System.err.println("tipflood-server: unexpected failure: " + failure);
    failure.printStackTrace(System.err);
    return ApiException.of(ErrorCode.INTERNAL_ERROR, "internal error");
  }
}
