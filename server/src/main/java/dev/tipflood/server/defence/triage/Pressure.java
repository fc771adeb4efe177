package dev.tipflood.server.defence.triage;

/**
 * The service's pressure signals as a brownout reads them: readiness (the health checks), the
 * number of tips waiting for processing, and the uploads sharing storage bandwidth. Implemented by the server's wiring; thread-safe and cheap.
 */
public interface Pressure {
  Pressure NONE = new Pressure() {
    @Override
    public boolean unhealthy() {
      return false;
    }

    @Override
    public long queuedForProcessing() {
      return 0;
    }

    @Override
    public long activeUploads() {
      return 0;
    }
  };

  /** True while a readiness check fails (heap, GC, event-loop lag, full queues). */
  boolean unhealthy();

  /** Tips acknowledged and waiting for a processing worker. */
  long queuedForProcessing();

  /** Uploads sharing the storage bandwidth right now: each gets its share, so many means slow. */
  long activeUploads();
}
