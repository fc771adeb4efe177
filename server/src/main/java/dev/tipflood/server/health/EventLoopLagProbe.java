package dev.tipflood.server.health;

/**
 * Event-loop lag of one loop, measured the way a watchdog does: the loop arms a timer, and the lag
 * is how much later than asked it fires. A loop that is stalled right now (a long GC pause, a
 * blocking handler) cannot fire its timer, so a timer that is overdue counts too; and the worst
 * lag seen stays visible for {@code holdNanos}, so a spike is not forgotten before a probe looks.
 *
 * <p>One writer (the loop's own thread calls {@link #armed} and {@link #fired}); any thread may
 * call {@link #lagNanos}. The pair of volatile reads may be torn, which can only misdate a spike
 * by one timer period.
 */
public final class EventLoopLagProbe {

  private static final long NONE = Long.MIN_VALUE;

  private final String loop;
  private final long holdNanos;
  private volatile long dueAtNanos = NONE;
  private volatile long worstLagNanos;
  private volatile long worstAtNanos = NONE;

  public EventLoopLagProbe(String loop, long holdNanos) {
    this.loop = loop;
    this.holdNanos = holdNanos;
  }

  public String loop() {
    return loop;
  }

  /** The loop has set a timer due at {@code dueAtNanos}. */
  public void armed(long dueAtNanos) {
    this.dueAtNanos = dueAtNanos;
  }

  /** The loop's timer ran at {@code nowNanos}. */
  public void fired(long nowNanos) {
    long due = dueAtNanos;
    dueAtNanos = NONE;
    if (due == NONE) {
      return;
    }
    long lag = Math.max(0, nowNanos - due);
    long worstAt = worstAtNanos;
    if (worstAt == NONE || lag >= worstLagNanos || nowNanos - worstAt > holdNanos) {
      worstLagNanos = lag;
      worstAtNanos = nowNanos;
    }
  }

  /** The lag as of {@code nowNanos}: the worst recent one, or how overdue the pending timer is. */
  public long lagNanos(long nowNanos) {
    long due = dueAtNanos;
    long overdue = due == NONE ? 0 : Math.max(0, nowNanos - due);
    long worstAt = worstAtNanos;
    long recent = worstAt != NONE && nowNanos - worstAt <= holdNanos ? worstLagNanos : 0;
    return Math.max(overdue, recent);
  }
}
