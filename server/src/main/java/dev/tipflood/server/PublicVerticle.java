package dev.tipflood.server;

import dev.tipflood.server.api.InvalidRequestHandler;
import dev.tipflood.server.api.PublicRouter;
import dev.tipflood.server.config.Profile;
import dev.tipflood.server.health.EventLoopLagTimer;
import dev.tipflood.server.ingress.ConnectionGate;
import dev.tipflood.server.wiring.ServerComponents;
import dev.tipflood.server.wiring.ServerWiring;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/** One event loop's share of the public port. Several instances share the port. */
final class PublicVerticle extends VerticleBase {
  /** Netty may buffer this much of one part's framing while looking for its delimiter. */
  private static final int MAX_FORM_BUFFERED_BYTES = 64 * 1024;

  private final ServerComponents components;
  private final ServerWiring wiring;
  private final ConnectionGate gate;
  private final WorkerExecutor worker;
  private final WorkerExecutor reader;
  private final String host;
  private final int port;
  private HttpServer server;

  PublicVerticle(ServerComponents components, ServerWiring wiring, ConnectionGate gate, WorkerExecutor worker,
      WorkerExecutor reader, String host, int port) {
    this.components = components;
    this.wiring = wiring;
    this.gate = gate;
    this.worker = worker;
    this.reader = reader;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    Profile p = components.profile();
    // Lag of this event loop, for readiness: the same loop serves the uploads.
    EventLoopLagTimer.start(vertx, components.health().newLoopProbe(Thread.currentThread().getName()),
        p.health().probeInterval().toMillis(), System::nanoTime);
    server = vertx.createHttpServer(options(p))
        .connectionHandler(gate::onConnection)
        .invalidRequestHandler(new InvalidRequestHandler(p.limits().maxHeaderBytes().bytes()))
        .requestHandler(PublicRouter.create(components, wiring, gate, worker, reader));
    return server.listen(port, host);
  }

  int actualPort() {
    return server.actualPort();
  }

  static HttpServerOptions options(Profile p) {
    var limits = p.limits();
    return new HttpServerOptions()
        .setMaxHeaderSize(limits.maxHeaderBytes().toIntSaturated())
        .setMaxFormAttributeSize(limits.maxMetadataBytes().isUnlimited() ? -1 : limits.maxMetadataBytes().toIntSaturated())
        .setMaxFormFields(limits.maxParts().isUnlimited() ? -1 : limits.maxParts().value())
        .setMaxFormBufferedBytes(MAX_FORM_BUFFERED_BYTES)
        .setHandle100ContinueAutomatically(false)
        // HTTP/1.1 only. With cleartext HTTP/2 on, Vert.x sniffs each connection's first bytes
        // before it hands the connection over, so the connection gate (and the idle-timeout
        // defence's counting) would never see a connection that sends nothing.
        .setHttp2ClearTextEnabled(false)
        // No WebSockets here: without these Netty's WebSocket extension handler is not in every
        // connection's pipeline, looking at every request's headers.
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, p.ingress().idleTimeout().toMillis()));
  }
}
