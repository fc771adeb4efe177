package dev.tipflood.loadgen.sweep;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set once, from any thread (a Ctrl-C hook), to stop a sweep after keeping the steps done. */
public final class StopSignal {
  private final AtomicBoolean requested = new AtomicBoolean();

  public void request() {
    requested.set(true);
  }

  public boolean requested() {
    return requested.get();
  }
}
