package dev.tipflood.loadgen.gatling;

import dev.tipflood.loadgen.client.RetryDecider;
import dev.tipflood.loadgen.measure.AckedTipLog;
import dev.tipflood.loadgen.measure.ClientLogs;
import dev.tipflood.loadgen.measure.ClientRecorder;
import dev.tipflood.loadgen.measure.ProgressCounters;
import dev.tipflood.loadgen.measure.SendLagRecorder;
import dev.tipflood.loadgen.measure.TimeSource;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.PopulationPlan;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * Client-side state shared by every virtual user of one simulation: the plan, the recorder, the
 * progress counters, the retry deciders, and the run's time origin. Gatling instantiates the
 * simulation class itself, so this is the one place the simulation's parts meet.
 */
final class ClientRuntime {
  private static final long UNSET = Long.MIN_VALUE;

  final LoadPlan plan;
  final ClientRecorder recorder = new ClientRecorder();
  final SendLagRecorder sendLag = new SendLagRecorder();
  final Map<String, ProgressCounters> progress = new LinkedHashMap<>();
  final Map<String, RetryDecider> deciders = new LinkedHashMap<>();
  final Map<String, PopulationPlan> populations = new LinkedHashMap<>();
  private final TimeSource time;
  private final AtomicLong originNanos = new AtomicLong(UNSET);
  private ClientLogs logs;
  private AckedTipLog acked;
  private ScheduledExecutorService ticker;
  /** Lets {@link #stop()} wait out answers being booked, wait-free for the bookers. */
  private final WriterReaderPhaser booking = new WriterReaderPhaser();
  private volatile boolean closing;

  ClientRuntime(LoadPlan plan, TimeSource time) {
    this.plan = plan;
    this.time = time;
    for (PopulationPlan p : plan.populations()) {
      progress.put(p.name(), new ProgressCounters());
      deciders.put(p.name(), new RetryDecider(p.client().retry(), Clock.systemUTC()));
      populations.put(p.name(), p);
    }
  }

  long nanoTime() {
    return time.nanoTime();
  }

  /**
   * Notes that the user intended at {@code offsetMicros} has started now. The run's origin is the
   * earliest {@code start - offset} seen: a user can start late (a slow first request, a stalled
   * injector) but never early, so the minimum is the schedule's true origin and start-up lag of
   * the first users is not counted against every later one.
   */
  void arrived(long offsetMicros) {
    long candidate = time.nanoTime() - offsetMicros * 1000;
    originNanos.accumulateAndGet(candidate, (a, b) -> a == UNSET ? b : Math.min(a, b));
  }

  /** The time {@code offsetMicros} after the schedule's origin, on the nanoTime scale. */
  long intendedNanos(long offsetMicros) {
    return originNanos.get() + offsetMicros * 1000;
  }

  /** Logs an acknowledged tip (client/acked-tips.tsv); ignored before {@link #start()}. */
  void acknowledged(AckedTipLog.Entry entry) {
    AckedTipLog log = acked;
    if (log != null) {
      log.record(entry);
    }
  }

  /**
   * Books one answer (its latencies, counters and acked-tip line) whole, or not at all once
   * {@link #stop()} has begun. Gatling's hard stop runs {@code after()} while answers still
   * arrive; without this an answer could reach the acked-tip log but miss the last latency
   * interval, and the run's files would disagree about it.
   */
  <S> S book(S s, UnaryOperator<S> bookkeeping) {
    long stamp = booking.writerCriticalSectionEnter();
    try {
      return closing ? s : bookkeeping.apply(s);
    } finally {
      booking.writerCriticalSectionExit(stamp);
    }
  }

  /** False once {@link #stop()} has begun: a user's retry loop ends there. */
  boolean open() {
    return !closing;
  }

  /** Starts writing the interval logs once a second. */
  synchronized void start() {
    logs = new ClientLogs(Path.of(plan.clientDir()), recorder, sendLag, progress, time);
    acked = new AckedTipLog(Path.of(plan.clientDir()));
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tipflood-client-logs");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(() -> {
      logs.tick();
      acked.flush();
    }, 1, 1, TimeUnit.SECONDS);
  }

  /** Writes the last interval and closes the logs. */
  synchronized void stop() {
    closing = true;
    booking.readerLock();
    try {
      booking.flipPhase(); // returns once every answer booked before 'closing' has finished
    } finally {
      booking.readerUnlock();
    }
    if (ticker != null) {
      ticker.shutdown();
      try {
        ticker.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      logs.close();
      try {
        acked.close();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot close " + AckedTipLog.FILE, e);
      }
      ticker = null;
    }
  }
}
