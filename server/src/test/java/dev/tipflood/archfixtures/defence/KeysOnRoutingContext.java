package dev.tipflood.archfixtures.defence;

import io.vertx.ext.web.RoutingContext;

/** VIOLATION fixture: a policy with a framework type in its contract, so no unit test or virtual time can run it. */
public final class KeysOnRoutingContext {
  public String key(RoutingContext ctx) {
    return ctx.request().remoteAddress().hostAddress();
  }
}
