package dev.tipflood.server.model.storage;

/** One upload's share of {@link StorageBandwidth}. */
public interface BandwidthFlow extends AutoCloseable {

  /**
   * Spends credit for {@code bytes} just written.
   *
   * @return true if the upload may go on; false if it must pause until {@link #whenWritable}
   */
  boolean consume(long bytes);

  /**
   * Runs {@code callback} once, on the scheduler's thread, when the upload may write again. Several
   * writers of one upload (its media parts) may wait at once: each callback registered runs, in order.
   */
  void whenWritable(Runnable callback);

  /** Leaves the share; callbacks still waiting run at once, since a closed flow is never held. Idempotent. */
  @Override
  void close();
}
