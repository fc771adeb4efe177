package dev.tipflood.loadgen.sweep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Wall time granted to (part of) a sweep, read from an injected clock. */
public final class Budget {
  private final Clock clock;
  private final Instant deadline;

  private Budget(Clock clock, Instant deadline) {
    this.clock = clock;
    this.deadline = deadline;
  }

  /** {@code total} from now. */
  public static Budget of(Duration total, Clock clock) {
    return new Budget(clock, clock.instant().plus(total));
  }

  /** What is left, never negative. */
  public Duration remaining() {
    Duration d = Duration.between(clock.instant(), deadline);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** A share of what is left: {@code remaining / parts}, ending no later than this budget. */
  public Budget share(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be >= 1, was " + parts);
    }
    return new Budget(clock, clock.instant().plus(remaining().dividedBy(parts)));
  }

  public boolean canAfford(Duration cost) {
    return remaining().compareTo(cost) >= 0;
  }

  Clock clock() {
    return clock;
  }
}
