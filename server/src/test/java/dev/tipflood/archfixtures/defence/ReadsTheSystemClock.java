package dev.tipflood.archfixtures.defence;

/** VIOLATION fixture: a "throttle" that reads the system clock instead of its injected one. */
public final class ReadsTheSystemClock {
  private long last = System.nanoTime();

  public boolean admit() {
    long now = System.nanoTime();
    boolean ok = now - last > 1_000_000;
    last = now;
    return ok;
  }
}
