package dev.tipflood.server.api;

import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code ingress.slowBodyTimeout} is enforced by the upload session's watchdog (it alone knows
 * how long the client, not the server, kept the body idle); its 408s are counted with every
 * other defence decision, as defence {@code slow-body} at the body point.
 */
final class SlowBodyDecisions {
  static final String DEFENCE = "slow-body";

  private SlowBodyDecisions() {}

  static void log(RoutingContext ctx) {
    DecisionLog log = ctx.get(DecisionLog.KEY);
    if (log == null) {
      log = new DecisionLog();
      ctx.put(DecisionLog.KEY, log);
    }
    log.add(DEFENCE, Point.BODY, Decision.reject(Reason.BODY_TIMEOUT, 0, "the body made no progress"));
  }
}
