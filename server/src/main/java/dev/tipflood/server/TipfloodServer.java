package dev.tipflood.server;

import dev.tipflood.server.health.HealthMonitor;
import dev.tipflood.server.health.HealthSampler;
import dev.tipflood.server.health.JmxGcSignals;
import dev.tipflood.server.health.OutOfMemoryTracker;
import dev.tipflood.server.ingress.ConnectionGate;
import dev.tipflood.server.measure.metrics.MeasureMetrics;
import dev.tipflood.server.measure.metrics.VertxGaugeWarnings;
import dev.tipflood.server.storage.JournalTipStore;
import dev.tipflood.server.storage.MediaStore;
import dev.tipflood.server.wiring.ServerComponents;
import dev.tipflood.server.wiring.ServerWiring;
import dev.tipflood.server.wiring.TipPipeline;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running tip-upload service: storage opened and replayed, public and admin ports bound.
 *
 * <pre>{@code
 * TipfloodServer server = TipfloodServer.start(settings, ServerWiring.Factory.NONE, System.err::println)
 *     .toCompletionStage().toCompletableFuture().join();
 * int port = server.publicPort();
 * server.close();
 * }</pre>
 */
public final class TipfloodServer {
  private static final Logger UNHANDLED = Logger.getLogger(TipfloodServer.class.getName());

  /** Size of the named worker pool for blocking storage work (renames, fsyncs, deletes). */
  public static final int STORAGE_WORKERS = 8;
  /** Name of that pool. */
  public static final String STORAGE_POOL = "tipflood-storage";
  /**
   * Size of the pool that reads stored tips back for {@code GET}: positional reads, mostly from
   * the page cache. Separate, so a status check is not queued behind a flood's media writes.
   */
  private static final int READ_WORKERS = 2;
  /** Name of that pool. */
  public static final String READ_POOL = "tipflood-reads";

  private final Vertx vertx;
  private final JournalTipStore tips;
  private final HealthSampler sampler;
  private final int publicPort;
  private final int adminPort;
  private final ServerComponents components;

  private TipfloodServer(Vertx vertx, JournalTipStore tips, HealthSampler sampler, int publicPort, int adminPort,
      ServerComponents c) {
    this.vertx = vertx;
    this.tips = tips;
    this.sampler = sampler;
    this.publicPort = publicPort;
    this.adminPort = adminPort;
    this.components = c;
  }

  /**
   * Opens storage (replaying the journal, removing leftover temp and orphan media files), then
   * binds the ports. Storage errors are thrown before any port is bound.
   *
   * @param log receives start-up notes (repairs, clean-ups)
   */
  public static Future<TipfloodServer> start(ServerSettings s, ServerWiring.Factory wiringFactory, Consumer<String> log) {
    JournalTipStore tips = JournalTipStore.open(s.dataDir(), log);
    MediaStore media = openMedia(s.dataDir(), tips, log);
    VertxGaugeWarnings.install();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MeasureMetrics.bindJournal(registry, tips);
    Vertx vertx = newVertx(s.vertxHttpMetrics(), registry);
    HealthMonitor health = healthMonitor(vertx, s, tips);
    HealthSampler sampler = HealthSampler.start(health, log);
    ConnectionGate gate = new ConnectionGate(s.profile().ingress().maxConnections(),
        s.profile().ingress().idleTimeout(), s.profile().ingress().headerTimeout(), System::nanoTime);
    // Vert.x's own connection gauge is off with its HTTP server metrics (--vertx-http-metrics).
    Gauge.builder("tipflood.connections.open", gate, ConnectionGate::openConnections).register(registry);
    ServerComponents c = new ServerComponents(vertx, s.profile(), tips, media, s.clock(), registry, s.dataDir(),
        health, gate);
    ServerWiring wiring;
    try {
      wiring = wiringFactory.wire(c);
    } catch (RuntimeException e) {
      sampler.close();
      tips.close();
      vertx.close();
      throw e;
    }
    resubmitUnfinished(tips, wiring, log);
    // On failure the caller sees the cause at once; the clean-up runs behind it.
    return deploy(s, c, wiring, tips, sampler).onFailure(e -> {
      sampler.close();
      vertx.close().onComplete(ar -> tips.close());
    });
  }

  /** Opens the media store and removes what a crash left behind: temp files, and media no tip refers to. */
  private static MediaStore openMedia(java.nio.file.Path dataDir, JournalTipStore tips, Consumer<String> log) {
    try {
      MediaStore media = MediaStore.open(dataDir);
      int temps = media.cleanTemp();
      int orphans = media.removeOrphans(tips.referencedMedia());
      if (temps + orphans > 0) {
        log.accept("removed " + temps + " leftover temp file(s) and " + orphans + " orphan media file(s)");
      }
      return media;
    } catch (RuntimeException e) {
      tips.close();
      throw e;
    }
  }

  private static Vertx newVertx(boolean httpServerMetrics, PrometheusMeterRegistry registry) {
    return Vertx.builder()
        // Netty's native epoll transport where it loads (Linux x86-64), else NIO.
        .with(new VertxOptions().setPreferNativeTransport(true).setMetricsOptions(metricsOptions(httpServerMetrics)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  private static HealthMonitor healthMonitor(Vertx vertx, ServerSettings s, JournalTipStore tips) {
    OutOfMemoryTracker oom = new OutOfMemoryTracker();
    trackOutOfMemory(vertx, oom);
    return new HealthMonitor(s.profile().health(), new JmxGcSignals(), System::nanoTime, oom, tips::healthy);
  }

  /**
   * Acknowledged tips a crash or restart left unfinished go back into the pipeline before any new
   * tip can arrive, so they keep their place ahead of new work.
   */
  private static void resubmitUnfinished(JournalTipStore tips, ServerWiring wiring, Consumer<String> log) {
    if (tips.unfinishedAtOpenCount() > 0 && wiring.pipeline() != TipPipeline.NONE) {
      tips.forEachUnfinishedAtOpen(wiring.pipeline()::resumed);
      log.accept("resubmitted " + tips.unfinishedAtOpenCount() + " unfinished tip(s) to the pipeline");
    }
    if (wiring.pipeline() != TipPipeline.NONE) {
      tips.forEachDeferredAtOpen(wiring.pipeline()::stillDeferred);
    }
  }

  /**
   * Deploys one public verticle per event loop, all on one port, then the admin verticle. Vert.x
   * shares one listening socket among the servers of one Vertx that ask for the same port; for
   * port 0 each would get its own random port, so ask for -1 instead: Vert.x binds one random port
   * and shares it among every server asking -1. Nothing is probed and released first, so no
   * other process can take the port in between.
   */
  private static Future<TipfloodServer> deploy(ServerSettings s, ServerComponents c, ServerWiring wiring,
      JournalTipStore tips, HealthSampler sampler) {
    Vertx vertx = c.vertx();
    WorkerExecutor worker = vertx.createSharedWorkerExecutor(STORAGE_POOL, STORAGE_WORKERS);
    WorkerExecutor reader = vertx.createSharedWorkerExecutor(READ_POOL, READ_WORKERS);
    AdminVerticle admin = new AdminVerticle(c, wiring, s.adminToken(), s.adminHost(), s.adminPort());
    int requested = s.port() == 0 ? -1 : s.port();
    List<PublicVerticle> instances = new java.util.concurrent.CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
          PublicVerticle v = new PublicVerticle(c, wiring, c.connections(), worker, reader, s.host(), requested);
          instances.add(v);
          return v;
        }, new DeploymentOptions().setInstances(s.eventLoops()))
        .compose(id -> {
          long ports = instances.stream().mapToInt(PublicVerticle::actualPort).distinct().count();
          if (ports != 1) {
            return Future.failedFuture(new IllegalStateException("public verticles bound " + ports + " different ports"));
          }
          return vertx.deployVerticle(admin);
        })
        .map(id -> {
          c.health().markStarted();
          return new TipfloodServer(vertx, tips, sampler, instances.get(0).actualPort(), admin.actualPort(), c);
        });
  }

  public int publicPort() {
    return publicPort;
  }

  public int adminPort() {
    return adminPort;
  }

  public ServerComponents components() {
    return components;
  }

  /** Stops serving and closes storage. */
  public Future<Void> close() {
    sampler.close();
    return vertx.close().eventually(() -> {
      tips.close();
      return Future.succeededFuture();
    });
  }

  /**
   * Every exception escaping a handler on any context reaches Vert.x's exception handler: log it
   * as Vert.x would, and if it is an OutOfMemoryError liveness remembers it. (ServerMain also
   * routes other threads' uncaught errors to the tracker.)
   */
  private static void trackOutOfMemory(Vertx vertx, OutOfMemoryTracker oom) {
    vertx.exceptionHandler(t -> {
      boolean outOfMemory = oom.record(t);
      UNHANDLED.log(Level.SEVERE, outOfMemory ? "Unhandled exception (liveness now reports DOWN)" : "Unhandled exception", t);
    });
  }

  private static MicrometerMetricsOptions metricsOptions(boolean httpServerMetrics) {
    MicrometerMetricsOptions options = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        // LOCAL tells the public and the admin server apart (it also keeps their gauges apart).
        .setLabels(java.util.EnumSet.of(Label.LOCAL, Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE,
            Label.POOL_TYPE, Label.POOL_NAME, Label.NAMESPACE))
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
    if (!httpServerMetrics) {
      // Per request, Vert.x looks up (and registers) an active-requests gauge, a timer and two summaries
      // by tags; the measurement plane's tipflood_request_latency timer already covers every request.
      options.addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER);
    }
    return options;
  }
}
