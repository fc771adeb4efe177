package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.error.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Answers {@code 405 method_not_allowed} with an {@code Allow} header for a known path. */
public final class MethodNotAllowedHandler implements Handler<RoutingContext> {
  private final String allowed;

  public MethodNotAllowedHandler(String allowed) {
    this.allowed = allowed;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.ALLOW, allowed);
    ctx.fail(ApiException.of(ErrorCode.METHOD_NOT_ALLOWED, ctx.request().method().name() + " is not allowed on "
        + ctx.request().path() + "; allowed: " + allowed));
  }
}
