package dev.tipflood.server.defence.triage;

import dev.tipflood.server.defence.DecayedCounts;
import dev.tipflood.server.defence.NanoClock;
import java.time.Duration;

/**
 * A decayed count of junk verdicts per client key (a device id, an address): each verdict adds
 * 1, and the count halves every {@code halfLife}, so a phone that sent junk an hour ago is not
 * held to it forever, and an address shared by a NAT recovers. Held in a bounded map (least
 * recently used out), so rotating identities cannot grow it. Thread-safe.
 */
public final class ClientReputation {
  private final DecayedCounts junk;

  public ClientReputation(NanoClock clock, Duration halfLife, long maxKeys) {
    this.junk = new DecayedCounts(clock, halfLife, maxKeys);
  }

  /** A reviewer judged one of {@code key}'s tips junk. */
  public void junk(String key) {
    junk.add(key);
  }

  /** The decayed junk count of {@code key} now; 0 for a key never judged (or evicted). */
  public double junkCount(String key) {
    return junk.count(key);
  }

  public long size() {
    return junk.size();
  }
}
