package dev.tipflood.server.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hidden benchmark main, not part of the service: a bare Vert.x endpoint that answers every
 * request with {@code 201} and a tiny JSON body, on the same event-loop layout as the real
 * server. The throughput benchmark (server/bench/throughput-wrk.sh) compares the tip POST
 * against it at once; the client measurement check (loadgen/bench/measurement-check.sh) gives it
 * a fixed delay, so that the only latency a client should see is that delay.
 *
 * <pre>java -cp tipflood-server.jar dev.tipflood.server.bench.BareEndpointMain [eventLoops] [--delay-ms D]</pre>
 * prints {@code bare-endpoint listening public=<port>}. With {@code --delay-ms D > 0} each request
 * body is read to its end first, then the answer is sent D ms later on a Vert.x timer (the event
 * loop never blocks).
 */
public final class BareEndpointMain {
  private static final String BODY = "{\"id\":\"0000000000000000000000000a\",\"status\":\"received\"}";

  private BareEndpointMain() {}

  public static void main(String[] args) throws Exception {
    int loops = Runtime.getRuntime().availableProcessors();
    long delayMillis = 0;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--delay-ms")) {
        delayMillis = i + 1 < args.length ? parse(args[++i], "--delay-ms") : -1;
      } else {
        loops = (int) parse(args[i], "eventLoops");
      }
    }
    if (delayMillis < 0 || loops < 1) {
      System.err.println("usage: BareEndpointMain [eventLoops >= 1] [--delay-ms D >= 0]");
      System.exit(2);
    }
    long delay = delayMillis;
    // The same Vert.x options as the tip server's transport: native epoll where it loads.
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    // Port -1: one random port, bound once and shared by every instance (as the tip server does).
    List<Bare> instances = new CopyOnWriteArrayList<>();
    vertx.deployVerticle(() -> {
      Bare b = new Bare(-1, delay);
      instances.add(b);
      return b;
    }, new DeploymentOptions().setInstances(loops)).toCompletionStage().toCompletableFuture().join();
    System.out.println("bare-endpoint listening public=" + instances.get(0).actualPort
        + (delay > 0 ? " delayMs=" + delay : ""));
  }

  private static long parse(String value, String what) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      System.err.println(what + " must be a whole number, was '" + value + "'");
      System.exit(2);
      return -1;
    }
  }

  /** The endpoint, one instance per event loop. */
  static final class Bare extends VerticleBase {
    private final int port;
    private final long delayMillis;
    private volatile int actualPort;

    Bare(int port, long delayMillis) {
      this.port = port;
      this.delayMillis = delayMillis;
    }

    @Override
    public Future<?> start() {
      // The tip server's transport options (no WebSocket extension handler), so the comparison
      // measures the tip path, not a different pipeline.
      return vertx.createHttpServer(new HttpServerOptions()
              .setPerMessageWebSocketCompressionSupported(false)
              .setPerFrameWebSocketCompressionSupported(false))
          .requestHandler(delayMillis == 0 ? Bare::answer : this::answerLater)
          .listen(port, "127.0.0.1")
          .onSuccess(server -> actualPort = server.actualPort());
    }

    /** Reads the whole body, then answers after the fixed delay: the delay starts when the request is in. */
    private void answerLater(HttpServerRequest req) {
      req.body()
          .onSuccess(body -> vertx.setTimer(delayMillis, id -> answer(req)))
          .onFailure(e -> req.connection().close());
    }

    static void answer(HttpServerRequest req) {
      req.response().setStatusCode(201).putHeader("content-type", "application/json").end(BODY);
    }
  }
}
