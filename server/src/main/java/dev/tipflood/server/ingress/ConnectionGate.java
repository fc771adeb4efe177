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
import dev.tipflood.server.defence.throttle.HeaderTimeout;
import dev.tipflood.server.defence.throttle.IdleTimeout;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The connection point of the defences.
 * <ul>
 *   <li>{@code ingress.maxConnections}, enforced by a {@link ConnectionCap} across every event
 *       loop. A connection it refuses gets {@code 503 too_many_connections} with Retry-After (the
 *       cap's own estimate) on its first request, logged as defence {@code connections} for the
 *       measurement plane, and is then closed.</li>
 *   <li>{@code ingress.idleTimeout}, decided by an {@link IdleTimeout} policy behind the
 *       transport's idle timer and counted as defence {@code idle-timeout}. An idle close has no
 *       request to attribute it to, so it goes to the sink set by {@link #countClosesWith}
 *       (the measurement plane counts it as {@code unlabelled}).</li>
 *   <li>{@code ingress.headerTimeout}, decided by a {@link HeaderTimeout} policy behind a
 *       per-connection {@link HeaderDeadline} on the connection's own timer, and counted as
 *       defence {@code header-timeout} through the same sink.</li>
 * </ul>
 * Install {@link #onConnection} on the server and {@link #requestGuard()} on the router.
 */
public final class ConnectionGate {
  /** The name the connection cap's decisions are counted under. */
  public static final String DEFENCE = "connections";
  /** The name the idle timeout's decisions are counted under. */
  public static final String IDLE_DEFENCE = "idle-timeout";
  /** The name the header timeout's decisions are counted under. */
  public static final String HEADER_DEFENCE = "header-timeout";
  private final CountCap max;
  private final ConnectionCap cap;
  private final IdleTimeout idle;
  private final long idleNanos;
  private final HeaderTimeout header;
  private final NanoClock clock;
  private volatile Consumer<DecisionLog> closes = log -> {};
  private final AtomicInteger open = new AtomicInteger();
  private final Map<HttpConnection, Decision.Reject> refused = new ConcurrentHashMap<>();

  /**
   * @param max {@code ingress.maxConnections}
   * @param idleTimeout {@code ingress.idleTimeout}; zero when connections are never closed for silence
   * @param headerTimeout {@code ingress.headerTimeout}; zero when a request head may take for ever
   */
  public ConnectionGate(CountCap max, Duration idleTimeout, Duration headerTimeout, NanoClock clock) {
    this.max = max;
    this.cap = max.isUnlimited() ? null : new ConnectionCap(max.value(), clock);
    this.idle = idleTimeout.isZero() ? null : new IdleTimeout(idleTimeout);
    this.idleNanos = idleTimeout.toNanos();
    this.header = headerTimeout.isZero() ? null : new HeaderTimeout(headerTimeout);
    this.clock = clock;
  }

  /**
   * Where the decisions that close a connection without a request (idle and header timeouts) go
   * once made; set once the measurement plane exists.
   */
  public void countClosesWith(Consumer<DecisionLog> sink) {
    this.closes = sink;
  }

  /** Counts a new connection and asks the cap; a refused one is remembered until its first request. */
  public void onConnection(HttpConnection connection) {
    open.incrementAndGet();
    if (idle != null && connection instanceof ConnectionBase transport) {
      new IdleDecisions(idle, idleNanos, log -> closes.accept(log)).installIn(transport.channel().pipeline());
    }
    if (header != null && connection instanceof ConnectionBase transport) {
      new HeaderDeadline(header, new ConnectionTimers(transport.context(), clock), log -> closes.accept(log))
          .installIn(transport.channel().pipeline());
    }
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
