package dev.tipflood.server.defence;

import java.util.function.Consumer;

/**
 * A place in a defence's queue. It settles exactly once, to {@link Decision.Admit} or
 * {@link Decision.Reject}, on whatever thread releases a slot or sweeps the queue; the adapter
 * hops back to the request's event loop.
 */
public final class Ticket {
  private final long enqueuedNanos;
  private Consumer<Decision> listener;
  private Decision settled;

  public Ticket(long enqueuedNanos) {
    this.enqueuedNanos = enqueuedNanos;
  }

  public long enqueuedNanos() {
    return enqueuedNanos;
  }

  /** Called once with the final decision; at once if it has already settled. */
  public void onSettled(Consumer<Decision> l) {
    Decision d;
    synchronized (this) {
      d = settled;
      if (d == null) {
        listener = l;
        return;
      }
    }
    l.accept(d);
  }

  /** @return false if it had already settled */
  public boolean settle(Decision d) {
    Consumer<Decision> l;
    synchronized (this) {
      if (settled != null) {
        return false;
      }
      settled = d;
      l = listener;
    }
    if (l != null) {
      l.accept(d);
    }
    return true;
  }
}
