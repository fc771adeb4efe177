package dev.tipflood.server;

import dev.tipflood.server.wiring.ServerWiring;
import dev.tipflood.server.wiring.ServerComponents;
import dev.tipflood.server.admin.AdminRouter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/** The admin port: on 127.0.0.1 unless configured otherwise (see {@link AdminExposure}). */
final class AdminVerticle extends VerticleBase {
  private final ServerComponents components;
  private final ServerWiring wiring;
  private final String token;
  private final String host;
  private final int port;
  private HttpServer server;

  AdminVerticle(ServerComponents components, ServerWiring wiring, String token, String host, int port) {
    this.components = components;
    this.wiring = wiring;
    this.token = token;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    // Idle admin connections close like public ones (ingress.idleTimeout): a flood of idle or
    // refused admin connections must not hold file descriptors for ever.
    long idleMillis = components.profile().ingress().idleTimeout().toMillis();
    server = vertx.createHttpServer(new HttpServerOptions()
            .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idleMillis)).setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
        .requestHandler(AdminRouter.create(components, wiring, token));
    return server.listen(port, host);
  }

  int actualPort() {
    return server.actualPort();
  }
}
