package dev.tipflood.server.measure.timeline;

import dev.tipflood.server.model.queue.StageStats;

/** Utilisation of one stage between two snapshots: busy server-time over available server-time. */
final class UtilisationMeter {

  private StageStats previous;

  double next(StageStats now) {
    long busy = previous == null ? now.busyNanos() : now.busyNanos() - previous.busyNanos();
    long elapsed = previous == null ? now.atNanos() : now.atNanos() - previous.atNanos();
    previous = now;
    if (elapsed <= 0) {
      return (double) now.inService() / now.servers();
    }
    return Math.min(1.0, (double) busy / ((double) elapsed * now.servers()));
  }
}
