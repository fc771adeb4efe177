package dev.tipflood.server.ingress;

import dev.tipflood.server.api.ApiException;
import dev.tipflood.server.api.ErrorCode;
import dev.tipflood.server.api.ErrorResponder;
import dev.tipflood.server.config.CountCap;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enforces {@code ingress.maxConnections} across every event loop: a connection opened beyond
 * the cap gets {@code 503 too_many_connections} with Retry-After on its first request, and is
 * then closed. Install {@link #onConnection} on the server and {@link #requestGuard()} on the router.
 */
public final class ConnectionGate {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  private final CountCap max;
  private final AtomicInteger open = new AtomicInteger();
  private final Set<HttpConnection> refused = ConcurrentHashMap.newKeySet();

  public ConnectionGate(CountCap max) {
    this.max = max;
  }

  /** Counts a new connection, and marks it refused if it is over the cap. */
  public void onConnection(HttpConnection connection) {
    int now = open.incrementAndGet();
    boolean over = max.isExceededBy(now);
    if (over) {
      refused.add(connection);
    }
    connection.closeHandler(v -> {
      open.decrementAndGet();
      refused.remove(connection);
    });
  }

  /** Open public connections now. */
  public int openConnections() {
    return open.get();
  }

  /** The router handler that answers requests on refused connections. */
  public Handler<RoutingContext> requestGuard() {
    return ctx -> {
      if (!refused.isEmpty() && refused.contains(ctx.request().connection())) {
        ApiException e = ApiException.retryLater(ErrorCode.TOO_MANY_CONNECTIONS,
            "the server has " + max + " connections open; retry later", RETRY_AFTER);
        ErrorResponder.send(ctx.request(), e).onComplete(ar -> ctx.request().connection().close());
      } else {
        ctx.next();
      }
    };
  }
}
