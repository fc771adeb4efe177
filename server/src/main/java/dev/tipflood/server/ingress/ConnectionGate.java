package dev.tipflood.server.ingress;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.error.ErrorResponder;
import dev.tipflood.server.config.CountCap;
import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Outcome;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.throttle.ConnectionCap;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection point of the defences: {@code ingress.maxConnections} enforced by a
 * {@link ConnectionCap} across every event loop. A connection it refuses gets
 * {@code 503 too_many_connections} with Retry-After (the cap's own estimate) on its first request,
 * logged as defence {@code connections} for the measurement plane, and is then closed. Install
 * {@link #onConnection} on the server and {@link #requestGuard()} on the router.
 */
public final class ConnectionGate {
  /** The name the connection cap's decisions are counted under. */
  public static final String DEFENCE = "connections";
  private final CountCap max;
  private final ConnectionCap cap;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<HttpConnection, Decision.Reject> refused = new ConcurrentHashMap<>();

  public ConnectionGate(CountCap max, NanoClock clock) {
    this.max = max;
    this.cap = max.isUnlimited() ? null : new ConnectionCap(max.value(), clock);
  }

  /** Counts a new connection and asks the cap; a refused one is remembered until its first request. */
  public void onConnection(HttpConnection connection) {
    open.incrementAndGet();
    Decision d = cap == null ? Decision.admit() : cap.decide(Point.CONNECTION, new Attempt(
        connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress(), -1, 0));
    if (d instanceof Decision.Reject r) {
      refused.put(connection, r);
    }
    connection.closeHandler(v -> {
      open.decrementAndGet();
      refused.remove(connection);
      if (d instanceof Decision.Admit a) {
        a.release().done(Outcome.IGNORED);
      }
    });
  }

  /** Open public connections now, refused ones included. */
  public int openConnections() {
    return open.get();
  }

  /** The router handler that answers requests on refused connections. */
  public Handler<RoutingContext> requestGuard() {
    return ctx -> {
      Decision.Reject r = refused.isEmpty() ? null : refused.get(ctx.request().connection());
      if (r == null) {
        ctx.next();
        return;
      }
      DecisionLog log = new DecisionLog();
      log.add(DEFENCE, Point.CONNECTION, r);
      ctx.put(DecisionLog.KEY, log);
      ApiException e = ApiException.retryLater(ErrorCode.TOO_MANY_CONNECTIONS,
          "the server has " + max + " connections open; retry later", Duration.ofNanos(r.waitNanos()));
      ErrorResponder.send(ctx.request(), e).onComplete(ar -> ctx.request().connection().close());
    };
  }
}
