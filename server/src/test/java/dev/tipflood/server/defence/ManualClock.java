package dev.tipflood.server.defence;

import java.time.Duration;

/** A {@link NanoClock} that moves only when told. */
public final class ManualClock implements NanoClock {
  private long now = 1_000_000_000L;

  @Override
  public long nanoTime() {
    return now;
  }

  public void advance(long nanos) {
    now += nanos;
  }

  public void advance(Duration d) {
    advance(d.toNanos());
  }

  public void set(long nanos) {
    now = nanos;
  }
}
