package dev.tipflood.server.capacity;

import dev.tipflood.server.model.storage.BandwidthFlow;
import dev.tipflood.server.model.storage.StorageBandwidth;
import dev.tipflood.server.model.storage.StorageQuota;
import dev.tipflood.server.model.storage.UploadGovernor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Uploads governed by the model's {@link StorageBandwidth} and {@link StorageQuota}. */
public final class CapacityGovernor implements UploadGovernor {

  private final StorageBandwidth bandwidth;
  private final StorageQuota quota;

  public CapacityGovernor(StorageBandwidth bandwidth, StorageQuota quota) {
    this.bandwidth = bandwidth;
    this.quota = quota;
  }

  @Override
  public boolean admits(long declaredBytes) {
    boolean fits = quota.wouldFit(Math.max(0, declaredBytes));
    if (!fits) {
      quota.countRefusal();
    }
    return fits;
  }

  @Override
  public Allowance open() {
    return new GovernedAllowance(bandwidth.open());
  }

  private final class GovernedAllowance implements Allowance {
    private final BandwidthFlow flow;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicBoolean released = new AtomicBoolean();

    GovernedAllowance(BandwidthFlow flow) {
      this.flow = flow;
    }

    @Override
    public boolean reserve(long bytes) {
      if (!quota.tryReserve(bytes)) {
        return false;
      }
      reserved.addAndGet(bytes);
      return true;
    }

    @Override
    public boolean spend(long bytes) {
      return flow.consume(bytes);
    }

    @Override
    public void whenWritable(Runnable callback) {
      flow.whenWritable(callback);
    }

    @Override
    public void closeFlow() {
      flow.close();
    }

    @Override
    public void unkept(long bytes) {
      long back = Math.min(bytes, Math.max(0, reserved.get()));
      reserved.addAndGet(-back);
      quota.release(back);
    }

    @Override
    public void release() {
      if (released.compareAndSet(false, true)) {
        quota.release(reserved.getAndSet(0));
      }
    }
  }
}
