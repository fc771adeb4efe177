package dev.tipflood.server.capacity;

import dev.tipflood.server.api.ReviewRoutes;
import dev.tipflood.server.api.upload.UploadGuard;
import dev.tipflood.server.config.Profile;
import dev.tipflood.server.defence.control.DefenceSet;
import dev.tipflood.server.defence.http.DefenceRoutes;
import dev.tipflood.server.defence.http.StoredTipRanking;
import dev.tipflood.server.defence.triage.Pressure;
import dev.tipflood.server.defence.triage.ReviewerMemory;
import dev.tipflood.server.defence.triage.TriageContext;
import dev.tipflood.server.defence.triage.brownout.Brownout;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.measure.MeasurementPlane;
import dev.tipflood.server.measure.http.MeasureRoutes;
import dev.tipflood.server.measure.truth.Truth;
import dev.tipflood.server.media.pdq.PdqHash;
import dev.tipflood.server.model.pipeline.CapacityPipeline;
import dev.tipflood.server.model.pipeline.PipelineObserver;
import dev.tipflood.server.model.review.ReviewSpec;
import dev.tipflood.server.model.review.VerdictListener;
import dev.tipflood.server.model.storage.StorageBandwidth;
import dev.tipflood.server.model.storage.StorageQuota;
import dev.tipflood.server.model.storage.StorageSpec;
import dev.tipflood.server.wiring.RouteContributor;
import dev.tipflood.server.wiring.ServerComponents;
import dev.tipflood.server.wiring.ServerWiring;
import dev.tipflood.server.wiring.TipPipeline;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Builds the capacity model and the measurement plane for a server and wires them in: the
 * measuring handler first on the public router, the admission check, the upload governor
 * (storage bandwidth and quota), the processing and review pipeline, the admin routes, and the
 * per-second timeline sampler.
 *
 * <pre>{@code
 * CapacityWiring capacity = new CapacityWiring();
 * TipfloodServer.start(settings, capacity, log);
 * capacity.subscribe(verdict -> blocklist.learn(verdict)); // a triage defence
 * }</pre>
 */
public final class CapacityWiring implements ServerWiring.Factory {
  /** Decoding and hashing media for triage (PDQ): off the event loops, apart from the storage pool. */
  static final String TRIAGE_POOL = "tipflood-triage";
  static final int TRIAGE_WORKERS = 2;

  private final List<VerdictListener> early = new CopyOnWriteArrayList<>();
  private volatile CapacityPipeline pipeline;
  private volatile MeasurementPlane measure;
  private volatile DefenceSet defences;
  private volatile StoredTipRanking storedTipRanking;
  private volatile TriageContext triage;
  private volatile StorageBandwidth bandwidth;
  private final List<PdqHash> seeds = new CopyOnWriteArrayList<>();

  @Override
  public ServerWiring wire(ServerComponents c) {
    Profile profile = c.profile();
    heapMismatch(profile.jvm().heap().bytes(), Runtime.getRuntime().maxMemory())
        .ifPresent(note -> System.err.println("tipflood-server: " + note));
    VertxScheduler scheduler = new VertxScheduler(c.vertx());
    StorageSpec storage = profile.storage().toSpec();
    StorageQuota quota = new StorageQuota(storage.quotaBytes(), storedBytes(c.media().mediaDir()));
    StorageBandwidth bandwidth = new StorageBandwidth(scheduler, storage);
    this.bandwidth = bandwidth;
    MeasurementPlane plane = new MeasurementPlane(c.clock(), System::nanoTime, c.metrics());
    plane.attachStorage(quota, bandwidth);
    plane.addToTimeline((sample, interval) -> sample.put("connections", Map.of("open",
        (long) c.connections().openConnections())));
    c.connections().countClosesWith(log -> plane.decisions().count(log, Truth.UNLABELLED));

    List<RouteContributor> routes = new ArrayList<>();
    routes.add(new MeasureRoutes(plane, System::nanoTime));
    routes.add(new ReviewRoutes(c.vertx(), c.tips(), this::witnessGroupOf));
    UploadGuard guard = UploadGuard.NONE;
    if (!profile.defences().isEmpty()) {
      TriageContext t = triageContext(c);
      DefenceSet set = new DefenceSet(profile.defences(), System::nanoTime, t);
      int lowScoreBelow = profile.review() == null || profile.review().lowScore() == null ? Integer.MIN_VALUE
          : profile.review().lowScore().below();
      DefenceRoutes defences = new DefenceRoutes(set, System::nanoTime, c.vertx(), lowScoreBelow, t.memory());
      storedTipRanking = new StoredTipRanking(set, System::nanoTime, lowScoreBelow);
      routes.add(defences);
      guard = defences.guard();
      plane.countDefenceDecisions();
      this.defences = set;
    }
    TipPipeline tipPipeline = TipPipeline.NONE;
    if (profile.hasPipeline()) {
      StatusRecorder status = new StatusRecorder(c.tips(), c.clock());
      PipelineObserver expiries = plane.pipelineObserver();
      ReviewSpec review = profile.review().toSpec();
      CapacityPipeline p = new CapacityPipeline(scheduler, profile.processing().toSpec(),
          review, 1.0, plane.oracle(), (id, progress) -> {
            status.progressed(id, progress);
            expiries.progressed(id, progress);
          });
      p.subscribe(status);
      p.subscribe(plane.verdictListener());
      if (triage != null) {
        p.subscribe(triage.memory()); // reviewers' verdicts are what triage learns from
      }
      early.forEach(p::subscribe);
      plane.attachPipeline(p::processingStats, p::reviewStats);
      QueueReadiness.watch(scheduler, c.health(), profile.health().probeInterval().toMillis(),
          p::processingStats, p::reviewStats, review.lowScore().applies());
      routes.add(new PipelineAdmission(p));
      tipPipeline = new ModelTipPipeline(p, scheduler, plane, profile.review().videoBytesPerMinute().bytes(),
          new TextAloneWindow.Source(c.clock(), c.tips(), this::textAloneAfter), this::storedTipPriority);
      Gauge.builder("tipflood.pipeline.status.write.failures", status, StatusRecorder::failures)
          .register(c.metrics());
      pipeline = p;
    }
    scheduler.every(1000, plane.timeline()::sample);
    measure = plane;
    return new ServerWiring(tipPipeline, routes, new CapacityGovernor(bandwidth, quota), guard);
  }

  /** Known junk hashes for the PDQ blocklist ({@code --blocklist FILE}); call before wiring. */
  public CapacityWiring seedBlocklist(List<PdqHash> hashes) {
    seeds.addAll(hashes);
    return this;
  }

  /**
   * What the triage defences share: the reviewer-fed memory (seeded with the start-up blocklist),
   * a worker pool for decoding and hashing, and the pressure signal (not ready).
   */
  private TriageContext triageContext(ServerComponents c) {
    WorkerExecutor worker = c.vertx().createSharedWorkerExecutor(TRIAGE_POOL, TRIAGE_WORKERS);
    java.util.concurrent.Executor cpu = task -> worker.executeBlocking(() -> {
      task.run();
      return null;
    }, false);
    ReviewerMemory memory = new ReviewerMemory(System::nanoTime, ReviewerMemory.Limits.DEFAULT, cpu,
        c.media()::resolve);
    seeds.forEach(memory::blockPdq);
    TriageContext t = new TriageContext(memory, cpu, new Pressure() {
      @Override
      public boolean unhealthy() {
        return !c.health().readiness().up();
      }

      @Override
      public long queuedForProcessing() {
        CapacityPipeline p = pipeline;
        return p == null ? 0 : p.processingStats().queued();
      }

      @Override
      public long activeUploads() {
        StorageBandwidth b = bandwidth;
        return b == null ? 0 : b.activeFlows();
      }
    });
    this.triage = t;
    return t;
  }

  /**
   * The brownout's {@code textAloneAfter} as the defence set holds it now (re-tuning applies to
   * tips deferred from then on); empty without a brownout. A disabled brownout defers nothing new,
   * but the tips it deferred keep their window.
   */
  private Optional<Duration> textAloneAfter() {
    DefenceSet set = defences;
    if (set == null) {
      return Optional.empty();
    }
    return set.all().stream().map(DefenceSet.Slot::defence)
        .filter(d -> d instanceof Brownout)
        .map(d -> ((Brownout) d).settings().textAloneAfter())
        .findFirst();
  }

  /**
   * A tip entering review outside a request (a deferred tip gone text-alone, a tip resumed after a
   * restart) is ranked by the defences after durability, as any tip is; its decisions are counted
   * under its truth class. 0 without defences.
   */
  private int storedTipPriority(TipRecord tip) {
    StoredTipRanking ranking = storedTipRanking;
    if (ranking == null) {
      return 0;
    }
    StoredTipRanking.Ranked r = ranking.rank(tip);
    measure.storedTipDecisions(tip.id().value(), r.log());
    return r.priority();
  }

  /** The witness group of a tip, for the reviewers' view; empty without triage. */
  private Optional<ReviewRoutes.WitnessGroup> witnessGroupOf(String tipId) {
    TriageContext t = triage;
    return t == null ? Optional.empty() : t.witnesses().groupOf(tipId)
        .map(g -> new ReviewRoutes.WitnessGroup(g.id(), g.size(), g.tips()));
  }

  /** The triage context, once wired; null when the profile declares no defences. */
  public TriageContext triage() {
    return triage;
  }

  /** Subscribes a defence to reviewers' verdicts; may be called before or after wiring. */
  public void subscribe(VerdictListener listener) {
    early.add(listener);
    CapacityPipeline p = pipeline;
    if (p != null) {
      p.subscribe(listener);
    }
  }

  /** The profile's defences, once wired; null when it declares none. */
  public DefenceSet defences() {
    return defences;
  }

  /** The measurement plane, once wired (for tests and tools). */
  public MeasurementPlane measurement() {
    return measure;
  }

  /**
   * The heap is a modelled resource: a server started without the profile's {@code -Xmx} would
   * collapse later (or sooner) than the profile says, so say so at start-up.
   */
  static java.util.Optional<String> heapMismatch(long profileHeap, long maxMemory) {
    // The JVM reports a little less than -Xmx (one survivor space), so allow 15 %.
    if (maxMemory >= profileHeap * 0.85 && maxMemory <= profileHeap * 1.15) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(String.format(java.util.Locale.ROOT,
        "warning: the JVM heap is %dMB but the profile's jvm.heap is %dMB; start with -Xmx%dm so heap "
            + "exhaustion happens where the profile models it", maxMemory >> 20, profileHeap >> 20, profileHeap >> 20));
  }

  private static long storedBytes(Path mediaDir) {
    try (Stream<Path> files = Files.walk(mediaDir)) {
      return files.filter(Files::isRegularFile).mapToLong(CapacityWiring::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure stored media in " + mediaDir, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file, e);
    }
  }
}
