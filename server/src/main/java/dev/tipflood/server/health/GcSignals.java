package dev.tipflood.server.health;

/** What the JVM says about garbage collection; {@link JmxGcSignals} reads it, tests fake it. */
public interface GcSignals {
  /** Total time spent in collections since the JVM started, in milliseconds. */
  long collectionMillis();

  /**
   * Heap in use right after the most recent collection, as a fraction of the maximum heap; 0
   * before the first collection.
   */
  double heapAfterLastGcFraction();
}
