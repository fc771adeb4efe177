package dev.tipflood.server.defence.throttle;

import static dev.tipflood.server.defence.InvalidSettingException.require;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import dev.tipflood.server.defence.Ticket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A fixed number of tips in flight, with a FIFO queue in front: a tip that cannot start at once
 * waits (its body unread), and is shed with {@code 503} once it has waited past its deadline.
 * The CoDel-style mode also sheds at dequeue when the minimum sojourn over {@code interval} has
 * stayed above {@code target} (sojourn above target for a whole interval), dropping faster the
 * longer that lasts, as CoDel does; {@code deadline} still bounds every wait.
 */
public final class QueueDeadlineThrottle implements Defence {

  /** Plain deadline, or CoDel-style on top of it. */
  public enum Mode {
    DEADLINE, CODEL;

    public static final String ALLOWED = "deadline or codel";

    public static Mode parse(String text) {
      for (Mode m : values()) {
        if (m.name().toLowerCase(Locale.ROOT).equals(text)) {
          return m;
        }
      }
      throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
    }
  }

  /**
   * @param slots tips in flight at most
   * @param maxQueued tips waiting at most; one more is refused at once ({@code queue_full})
   * @param deadline the longest a tip waits
   * @param mode deadline or codel
   * @param target CoDel's acceptable standing sojourn
   * @param interval CoDel's window: sojourn above target this long starts shedding
   */
  public record Settings(int slots, int maxQueued, Duration deadline, Mode mode, Duration target, Duration interval) {
    public Settings {
      require(slots >= 1, "slots", "must be at least 1, got " + slots);
      require(maxQueued >= 0, "maxQueued", "must be 0 or more, got " + maxQueued);
      require(deadline != null && deadline.toMillis() >= 1, "deadline", "must be at least 1ms");
      mode = mode == null ? Mode.DEADLINE : mode;
      target = target == null ? Duration.ofMillis(100) : target;
      interval = interval == null ? Duration.ofSeconds(1) : interval;
      require(target.toMillis() >= 1, "target", "must be at least 1ms");
      require(interval.compareTo(target) > 0, "interval", "must be longer than target (" + target.toMillis() + "ms)");
    }
  }

  private final Settings settings;
  private final NanoClock clock;
  private final ServiceTimes times = new ServiceTimes();
  private final ArrayDeque<Ticket> queue = new ArrayDeque<>();
  private int inFlight;
  // CoDel state, under the lock
  private long firstAboveNanos;
  private boolean dropping;
  private long dropNextNanos;
  private int dropCount;

  public QueueDeadlineThrottle(Settings settings, NanoClock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Set<Point> points() {
    return EnumSet.of(Point.HEADERS);
  }

  @Override
  public Decision decide(Point point, Attempt attempt, long bytes) {
    if (point != Point.HEADERS) {
      return Decision.admit();
    }
    long now = clock.nanoTime();
    synchronized (this) {
      if (inFlight < settings.slots() && queue.isEmpty()) {
        return start(now);
      }
      if (queue.size() >= settings.maxQueued()) {
        return Decision.reject(Reason.QUEUE_FULL, times.waitForSlot(now, queue.size(), settings.slots()),
            "the service runs " + settings.slots() + " tips at once and " + settings.maxQueued() + " are waiting");
      }
      Ticket t = new Ticket(now);
      queue.addLast(t);
      return new Decision.Queued(t);
    }
  }

  /** Under the lock. */
  private Decision.Admit start(long now) {
    inFlight++;
    times.started(now);
    return Decision.admit(outcome -> finished(now, outcome == dev.tipflood.server.defence.Outcome.DURABLE));
  }

  private void finished(long startNanos, boolean sample) {
    long now = clock.nanoTime();
    times.ended(startNanos, now, sample);
    List<Runnable> settle = new ArrayList<>(2);
    synchronized (this) {
      inFlight--;
      dispatch(now, settle);
    }
    settle.forEach(Runnable::run);
  }

  /** Under the lock: start queued tips while slots are free, shedding the ones past their deadline or CoDel's. */
  private void dispatch(long now, List<Runnable> settle) {
    while (inFlight < settings.slots() && !queue.isEmpty()) {
      Ticket t = queue.pollFirst();
      long sojourn = now - t.enqueuedNanos();
      if (sojourn > settings.deadline().toNanos() || (settings.mode() == Mode.CODEL && codelSheds(sojourn, now))) {
        Decision d = shed(now, sojourn);
        settle.add(() -> t.settle(d));
      } else {
        Decision d = start(now);
        settle.add(() -> t.settle(d));
      }
    }
  }

  /** CoDel's control law at dequeue; under the lock. */
  private boolean codelSheds(long sojourn, long now) {
    long target = settings.target().toNanos();
    long interval = settings.interval().toNanos();
    if (sojourn < target) {
      firstAboveNanos = 0;
      dropping = false;
      return false;
    }
    if (firstAboveNanos == 0) {
      firstAboveNanos = now + interval;
      return false;
    }
    if (now < firstAboveNanos) {
      return false;
    }
    if (!dropping) {
      dropping = true;
      dropCount = dropCount > 2 && now - dropNextNanos < 8 * interval ? dropCount - 2 : 1;
      dropNextNanos = now + (long) (interval / Math.sqrt(dropCount));
      return true;
    }
    if (now >= dropNextNanos) {
      dropCount++;
      dropNextNanos += (long) (interval / Math.sqrt(dropCount));
      return true;
    }
    return false;
  }

  private Decision.Reject shed(long now, long sojourn) {
    return Decision.reject(Reason.QUEUE_TIMEOUT, times.waitForSlot(now, queue.size(), settings.slots()),
        "the tip waited " + sojourn / 1_000_000 + "ms for one of " + settings.slots() + " slots ("
            + (settings.mode() == Mode.CODEL ? "CoDel target " + settings.target().toMillis() + "ms, " : "")
            + "deadline " + settings.deadline().toMillis() + "ms)");
  }

  @Override
  public long sweepEveryNanos() {
    return Math.max(10_000_000L, settings.deadline().toNanos() / 4);
  }

  /** Sheds every queued tip that has waited past its deadline. */
  @Override
  public void sweep() {
    long now = clock.nanoTime();
    List<Runnable> settle = new ArrayList<>();
    synchronized (this) {
      while (!queue.isEmpty() && now - queue.peekFirst().enqueuedNanos() > settings.deadline().toNanos()) {
        Ticket t = queue.pollFirst();
        Decision d = shed(now, now - t.enqueuedNanos());
        settle.add(() -> t.settle(d));
      }
    }
    settle.forEach(Runnable::run);
  }

  @Override
  public synchronized Map<String, Object> state() {
    return Map.of("inFlight", inFlight, "queued", queue.size(), "dropping", dropping);
  }
}
