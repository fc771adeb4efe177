package dev.tipflood.server.admin;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Requires {@code Authorization: Bearer <token>}: 401 without it, 403 with a wrong token. */
final class BearerAuthHandler implements Handler<RoutingContext> {
  private static final String PREFIX = "Bearer ";
  private final byte[] token;

  BearerAuthHandler(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tipflood-admin\"");
      ctx.fail(ApiException.of(ErrorCode.UNAUTHORIZED, "this endpoint needs 'Authorization: Bearer <token>'"));
      return;
    }
    byte[] given = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
    // Constant-time comparison: the token must not leak through timing.
    if (!MessageDigest.isEqual(given, token)) {
      ctx.fail(ApiException.of(ErrorCode.FORBIDDEN, "the bearer token is wrong"));
      return;
    }
    ctx.next();
  }
}
