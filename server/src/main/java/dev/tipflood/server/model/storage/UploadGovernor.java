package dev.tipflood.server.model.storage;

/**
 * Governs how fast upload bytes may reach storage and how many may be kept: the storage
 * resource of the capacity model. Framework-free; the upload pipe adapts it to Vert.x streams.
 *
 * <pre>{@code
 * if (!governor.admits(contentLength)) { answer507(); }
 * UploadGovernor.Allowance a = governor.open();
 * if (!a.reserve(chunk.length())) { fail507(); }      // quota
 * if (!a.spend(chunk.length())) { pause(); a.whenWritable(this::resume); } // bandwidth
 * a.closeFlow();                                       // body read
 * a.release();                                         // upload failed: give the bytes back
 * }</pre>
 */
public interface UploadGovernor {

  /** No bandwidth limit and no quota. */
  UploadGovernor NONE = new UploadGovernor() {
    @Override
    public boolean admits(long declaredBytes) {
      return true;
    }

    @Override
    public Allowance open() {
      return Allowance.UNLIMITED;
    }
  };

  /**
   * Checked before any body byte is read.
   *
   * @param declaredBytes the request's Content-Length, or -1 if it has none
   * @return false if that many bytes could not be stored now: the request gets 507
   */
  boolean admits(long declaredBytes);

  /** One upload's share of storage; every path through the upload must end in {@link Allowance#closeFlow()}. */
  Allowance open();

  /** One upload's bandwidth share and quota reservations. Thread-safe. */
  interface Allowance {
    Allowance UNLIMITED = new Allowance() {
      @Override
      public boolean reserve(long bytes) {
        return true;
      }

      @Override
      public boolean spend(long bytes) {
        return true;
      }

      @Override
      public void whenWritable(Runnable callback) {
        callback.run();
      }

      @Override
      public void closeFlow() {}

      @Override
      public void release() {}
    };

    /** @return false, reserving nothing, if {@code bytes} more would exceed the quota */
    boolean reserve(long bytes);

    /** @return false if the upload must pause until {@link #whenWritable} */
    boolean spend(long bytes);

    /** Runs {@code callback} once, on any thread, when the upload may write again. */
    void whenWritable(Runnable callback);

    /** The body has been read or abandoned: leave the bandwidth share. Idempotent. */
    void closeFlow();

    /** The upload will not be kept: give back every byte reserved. Idempotent. */
    void release();

    /**
     * {@code bytes} of this upload, reserved and written, are not kept after all (a duplicate
     * linked to its earlier copy, then deleted): give them back.
     */
    default void unkept(long bytes) {}
  }
}
