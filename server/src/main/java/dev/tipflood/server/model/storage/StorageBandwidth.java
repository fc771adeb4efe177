package dev.tipflood.server.model.storage;

import dev.tipflood.server.model.time.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Aggregate write bandwidth shared max-min fairly by the uploads in progress.
 *
 * <p>Every tick, {@code bandwidth x tick} bytes of credit are water-filled among the open flows:
 * each may bank at most one tick's worth, so hungry flows split the budget evenly and an idle
 * flow's share goes to the others. A flow spends credit for every chunk it writes; when its
 * credit drops below zero it must pause until the ticks pay the debt back. Over any long window
 * the bytes written stay within {@code bandwidth x window + flows x tick budget}.
 *
 * <p>Thread-safe: uploads on several event loops consume concurrently; ticks run on the
 * scheduler. Callbacks run outside the lock, on the scheduler's thread.
 *
 * <pre>{@code
 * BandwidthFlow flow = bandwidth.open();
 * stream.handler(chunk -> {
 *   write(chunk);
 *   if (!flow.consume(chunk.length())) { stream.pause(); flow.whenWritable(stream::resume); }
 * });
 * stream.endHandler(v -> flow.close());
 * }</pre>
 */
public final class StorageBandwidth {

  private final Scheduler scheduler;
  private final long tickNanos;
  private final long budgetPerTick;
  private final Set<Flow> flows = new LinkedHashSet<>();
  private boolean ticking;
  private long grantedBytes;

  public StorageBandwidth(Scheduler scheduler, StorageSpec spec) {
    this.scheduler = scheduler;
    this.tickNanos = spec.tick().toNanos();
    this.budgetPerTick =
        spec.bandwidthLimited()
            ? Math.max(1, (long) ((double) spec.bandwidthBytesPerSecond() * tickNanos / 1e9))
            : Long.MAX_VALUE;
  }

  /** Opens a flow for one upload; close it when the upload ends, however it ends. */
  public BandwidthFlow open() {
    Flow flow = new Flow();
    synchronized (this) {
      flows.add(flow);
      startTicking();
    }
    return flow;
  }

  /** Uploads currently sharing the bandwidth. */
  public synchronized int activeFlows() {
    return flows.size();
  }

  /** Credit handed out since start, in bytes: the bytes the bandwidth let through. */
  public synchronized long grantedBytes() {
    return grantedBytes;
  }

  public long budgetPerTick() {
    return budgetPerTick;
  }

  private void startTicking() {
    if (!ticking && budgetPerTick != Long.MAX_VALUE) {
      ticking = true;
      scheduler.schedule(tickNanos, this::tick);
    }
  }

  private void tick() {
    List<Runnable> wake = new ArrayList<>();
    synchronized (this) {
      waterFill();
      for (Flow flow : flows) {
        if (flow.credit >= 0) {
          flow.takeWaiters(wake);
        }
      }
      ticking = false;
      if (!flows.isEmpty()) {
        startTicking();
      }
    }
    wake.forEach(Runnable::run);
  }

  // Max-min fair: smallest needs first, each gets min(need, an equal split of what is left).
  private void waterFill() {
    List<Flow> needy = new ArrayList<>();
    for (Flow flow : flows) {
      if (flow.credit < budgetPerTick) {
        needy.add(flow);
      }
    }
    needy.sort(Comparator.comparingLong(f -> -f.credit));
    long left = budgetPerTick;
    int remaining = needy.size();
    for (Flow flow : needy) {
      long need = budgetPerTick - flow.credit;
      long grant = Math.min(need, left / remaining);
      flow.credit += grant;
      left -= grant;
      grantedBytes += grant;
      remaining--;
    }
  }

  /**
   * One upload's share. Every part of the upload writes through the same flow, and the next part
   * may start while the previous one still waits, so a flow keeps every waiter, not just the last.
   */
  private final class Flow implements BandwidthFlow {
    private long credit;
    private final List<Runnable> waiters = new ArrayList<>(2);
    private boolean closed;

    private void takeWaiters(List<Runnable> into) {
      into.addAll(waiters);
      waiters.clear();
    }

    @Override
    public boolean consume(long bytes) {
      if (budgetPerTick == Long.MAX_VALUE) {
        return true;
      }
      synchronized (StorageBandwidth.this) {
        credit -= bytes;
        return credit >= 0 || closed;
      }
    }

    @Override
    public void whenWritable(Runnable callback) {
      boolean now;
      synchronized (StorageBandwidth.this) {
        now = credit >= 0 || closed || budgetPerTick == Long.MAX_VALUE;
        if (!now) {
          waiters.add(callback);
        }
      }
      if (now) {
        scheduler.execute(callback);
      }
    }

    @Override
    public void close() {
      List<Runnable> wake = new ArrayList<>();
      synchronized (StorageBandwidth.this) {
        closed = true;
        // A closed flow is never held back again: whoever still waits goes on (and finds its upload ended).
        takeWaiters(wake);
        flows.remove(this);
      }
      wake.forEach(scheduler::execute);
    }
  }
}
