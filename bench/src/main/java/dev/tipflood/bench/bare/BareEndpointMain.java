package dev.tipflood.bench.bare;

import dev.tipflood.server.storage.GroupCommitLog;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * Hidden benchmark main, not part of the service: a bare Vert.x endpoint that answers every
 * request with {@code 201}, its {@code Location} and a tiny JSON body, on the same event-loop layout as the real
 * server. The throughput benchmark (server/bench/throughput-wrk.sh) compares the tip POST
 * against it at once; the client measurement check (loadgen/bench/measurement-check.sh) gives it
 * a fixed delay, so that the only latency a client should see is that delay.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.tipflood.bench.bare.BareEndpointMain [eventLoops] [--delay-ms D] [--journal DIR]</pre>
 * prints {@code bare-endpoint listening public=<port>}. With {@code --delay-ms D > 0} each request
 * body is read to its end first, then the answer is sent D ms later on a Vert.x timer (the event
 * loop never blocks).
 *
 * <p>With {@code --journal DIR} it is the <em>durable floor</em>: each request body is read to its
 * end, a fixed record of a small tip's size is appended to {@code DIR/floor.journal} through the
 * tip server's own {@link GroupCommitLog}, and the 201 goes out once that record is fsynced,
 * completed on the request's event loop. No parsing, no validation, no index, no measurement: what
 * any Vert.x service that fsyncs before it answers pays, on this machine and disk.
 */
public final class BareEndpointMain {
  private static final String BODY = "{\"id\":\"0000000000000000000000000a\",\"status\":\"received\"}";
  /** As the server answers a 201: the tip's URL, which the load generator reads the id from. */
  private static final String LOCATION = "/api/v1/tips/0000000000000000000000000a";
  /** A journal line of the size of the throughput benchmark's small tip. */
  private static final byte[] RECORD = ("{\"type\":\"tip\",\"id\":\"0000000000000000000000000a\","
      + "\"receivedAt\":\"2020-05-31T18:04:05.123Z\",\"status\":\"received\",\"description\":"
      + "\"crowd at Main and Akard\",\"lat\":32.779,\"lon\":-96.8003,\"occurredAt\":\"2020-05-31T18:04:05Z\","
      + "\"deviceId\":\"wrk-device-1\",\"media\":[]}\n").getBytes(StandardCharsets.UTF_8);

  private BareEndpointMain() {}

  public static void main(String[] args) throws Exception {
    int loops = Runtime.getRuntime().availableProcessors();
    long delayMillis = 0;
    Path journalDir = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--delay-ms")) {
        delayMillis = i + 1 < args.length ? parse(args[++i], "--delay-ms") : -1;
      } else if (args[i].equals("--journal") && i + 1 < args.length) {
        journalDir = Path.of(args[++i]);
      } else {
        loops = (int) parse(args[i], "eventLoops");
      }
    }
    if (delayMillis < 0 || loops < 1 || (journalDir != null && delayMillis > 0)) {
      System.err.println("usage: BareEndpointMain [eventLoops >= 1] [--delay-ms D >= 0 | --journal DIR]");
      System.exit(2);
    }
    long delay = delayMillis;
    GroupCommitLog journal = null;
    if (journalDir != null) {
      Files.createDirectories(journalDir);
      journal = new GroupCommitLog(journalDir.resolve("floor.journal"), 0);
    }
    GroupCommitLog log = journal;
    // The same Vert.x options as the tip server's transport: native epoll where it loads.
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    // Port -1: one random port, bound once and shared by every instance (as the tip server does).
    List<Bare> instances = new CopyOnWriteArrayList<>();
    vertx.deployVerticle(() -> {
      Bare b = new Bare(-1, delay, log);
      instances.add(b);
      return b;
    }, new DeploymentOptions().setInstances(loops)).toCompletionStage().toCompletableFuture().join();
    System.out.println("bare-endpoint listening public=" + instances.get(0).actualPort
        + (delay > 0 ? " delayMs=" + delay : "") + (log != null ? " journal=" + journalDir : ""));
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
    private final GroupCommitLog journal;
    /** Runs journal completions on this verticle's event loop; one instance, so they are grouped. */
    private Executor completions;
    private volatile int actualPort;

    Bare(int port, long delayMillis, GroupCommitLog journal) {
      this.port = port;
      this.delayMillis = delayMillis;
      this.journal = journal;
    }

    @Override
    public Future<?> start() {
      // One executor per verticle, i.e. per event loop: the log groups completions by executor.
      completions = task -> context.runOnContext(v -> task.run());
      // The tip server's transport options (no WebSocket extension handler), so the comparison
      // measures the tip path, not a different pipeline.
      return vertx.createHttpServer(new HttpServerOptions()
              .setPerMessageWebSocketCompressionSupported(false)
              .setPerFrameWebSocketCompressionSupported(false))
          .requestHandler(journal != null ? this::answerDurably : delayMillis == 0 ? Bare::answer : this::answerLater)
          .listen(port, "127.0.0.1")
          .onSuccess(server -> actualPort = server.actualPort());
    }

    /** Reads the whole body, then answers after the fixed delay: the delay starts when the request is in. */
    private void answerLater(HttpServerRequest req) {
      req.body()
          .onSuccess(body -> vertx.setTimer(delayMillis, id -> answer(req)))
          .onFailure(e -> req.connection().close());
    }

    /** Reads the whole body, appends the fixed record, answers once it is fsynced. */
    private void answerDurably(HttpServerRequest req) {
      req.endHandler(end -> journal.append(RECORD, completions).whenComplete((offset, e) -> {
        if (e == null) {
          answer(req);
        } else {
          req.response().setStatusCode(503).end();
        }
      }));
    }

    static void answer(HttpServerRequest req) {
      req.response().setStatusCode(201).putHeader("content-type", "application/json").putHeader("location", LOCATION).end(BODY);
    }
  }
}
