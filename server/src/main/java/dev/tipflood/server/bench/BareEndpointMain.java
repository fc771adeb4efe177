package dev.tipflood.server.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Hidden benchmark main, not part of the service: a bare Vert.x endpoint that answers every
 * request with {@code 201} at once, on the same event-loop layout as the real server. The
 * throughput benchmark (server/bench/throughput-wrk.sh) compares the tip POST against it.
 *
 * <pre>java -cp tipflood-server.jar dev.tipflood.server.bench.BareEndpointMain [eventLoops]</pre>
 * prints {@code bare-endpoint listening public=<port>}.
 */
public final class BareEndpointMain {
  private static final String BODY = "{\"id\":\"0000000000000000000000000a\",\"status\":\"received\"}";

  private BareEndpointMain() {}

  public static void main(String[] args) throws Exception {
    int loops = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new Bare(port), new DeploymentOptions().setInstances(loops))
        .toCompletionStage().toCompletableFuture().join();
    System.out.println("bare-endpoint listening public=" + port);
  }

  private static final class Bare extends VerticleBase {
    private final int port;

    Bare(int port) {
      this.port = port;
    }

    @Override
    public Future<?> start() {
      return vertx.createHttpServer()
          .requestHandler(req -> req.response().setStatusCode(201)
              .putHeader("content-type", "application/json").end(BODY))
          .listen(port, "127.0.0.1");
    }
  }
}
