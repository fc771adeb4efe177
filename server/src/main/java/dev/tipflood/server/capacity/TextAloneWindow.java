package dev.tipflood.server.capacity;

import dev.tipflood.server.model.time.Scheduler;
import dev.tipflood.server.storage.TipStore;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The brownout's {@code textAloneAfter} window: a deferred tip whose media have not arrived that
 * long after its {@code 202} goes to review on its text alone, never left {@code deferred} for
 * good. At the window's end the store closes the tip's media window (a durable status record;
 * an upload under way at that moment wins, and the tip then goes on with its media), and the tip
 * is handed on; from then on a media upload is answered {@code 409 media_window_closed}.
 *
 * <p>The deadline is its {@code receivedAt} plus the window, both durable, so a restart watches
 * the deferred tips it finds again ({@code TipPipeline.stillDeferred}), with the window the
 * profile gives then; a deadline already past closes at once.
 *
 * <pre>{@code
 * TextAloneWindow w = new TextAloneWindow(scheduler, clock, store, () -> Optional.of(Duration.ofMinutes(10)),
 *     tip -> pipeline.submit(tip));
 * w.watch(deferredTip);   // 10 min after its 202: reviewed on its text, unless its media came
 * }</pre>
 */
public final class TextAloneWindow {
  private final Scheduler scheduler;
  private final Clock clock;
  private final TipStore store;
  private final Supplier<Optional<Duration>> window;
  private final Consumer<TipRecord> textAlone;
  private final AtomicLong failures = new AtomicLong();

  /** What a window needs besides the scheduler and where its tips go: see the constructor. */
  public record Source(Clock clock, TipStore store, Supplier<Optional<Duration>> window) {
    /** No window: deferred tips wait for their media however long it takes. */
    public static final Source NONE = new Source(Clock.systemUTC(), null, Optional::empty);
  }

  /**
   * @param scheduler  runs the close at the deadline (the model's injected time)
   * @param clock      wall time, to place the deadline against the tip's {@code receivedAt}
   * @param window     the brownout's {@code textAloneAfter} as the profile says now; empty: no window
   * @param textAlone  takes a tip whose window closed (status {@code received}, no media), on the thread that made
   *     its status record durable: it must hand work over, not do it there
   */
  public TextAloneWindow(Scheduler scheduler, Clock clock, TipStore store, Supplier<Optional<Duration>> window,
      Consumer<TipRecord> textAlone) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.store = store;
    this.window = window;
    this.textAlone = textAlone;
  }

  /** Watches a deferred tip's window. */
  public void watch(TipRecord tip) {
    Optional<Duration> w = window.get();
    if (w.isEmpty() || tip.status() != TipStatus.DEFERRED) {
      return;
    }
    long delayNanos = Duration.between(clock.instant(), tip.receivedAt().plus(w.get())).toNanos();
    scheduler.schedule(delayNanos, () -> close(tip));
  }

  private void close(TipRecord tip) {
    store.closeMediaWindow(tip.id()).whenComplete((closed, failure) -> {
      if (failure != null) {
        // The tip stays deferred (its status record was not written); a restart watches it again.
        failures.incrementAndGet();
      } else if (closed) {
        textAlone.accept(tip.withStatus(TipStatus.RECEIVED));
      }
    });
  }

  /** Windows that could not be closed (the status record failed); their tips stay deferred. */
  public long failures() {
    return failures.get();
  }
}
