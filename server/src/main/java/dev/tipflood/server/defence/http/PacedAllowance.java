package dev.tipflood.server.defence.http;

import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.control.DefenceSet;
import dev.tipflood.server.model.storage.UploadGovernor;
import io.vertx.core.Vertx;

/**
 * Puts each media chunk through the defences acting on the body, after storage's own allowance:
 * a {@link Decision.Hold} pauses the body for its wait (the chunk already read is written; no
 * more is read), then asks the same defence again for the same bytes, and the ones after it.
 */
final class PacedAllowance implements UploadGovernor.Allowance {
  private final UploadGovernor.Allowance storage;
  private final DefenceSet set;
  private final RequestDefences request;
  private final Vertx vertx;
  /** The chunk a defence held: its size and the index of that defence; -1 when none is held. */
  private long heldBytes;
  private int heldAt = -1;
  private long waitNanos;
  private boolean storageFull;

  PacedAllowance(UploadGovernor.Allowance storage, DefenceSet set, RequestDefences request, Vertx vertx) {
    this.storage = storage;
    this.set = set;
    this.request = request;
    this.vertx = vertx;
  }

  @Override
  public boolean reserve(long bytes) {
    return storage.reserve(bytes);
  }

  @Override
  public boolean spend(long bytes) {
    storageFull = !storage.spend(bytes);
    return ask(bytes, 0) && !storageFull;
  }

  /** Asks the body's defences from {@code from} on; false, remembering where, if one holds. */
  private boolean ask(long bytes, int from) {
    DefenceSet.Slot[] slots = set.at(Point.BODY);
    for (int i = from; i < slots.length; i++) {
      Decision d = slots[i].defence().decide(Point.BODY, request.attempt(), bytes);
      if (d instanceof Decision.Hold h) {
        request.logged(slots[i].name(), Point.BODY, d);
        heldBytes = bytes;
        heldAt = i;
        waitNanos = h.waitNanos();
        return false;
      }
    }
    heldAt = -1;
    return true;
  }

  @Override
  public void whenWritable(Runnable callback) {
    if (heldAt < 0) {
      storage.whenWritable(callback);
      return;
    }
    long millis = Math.max(1, (waitNanos + 999_999) / 1_000_000);
    vertx.setTimer(millis, id -> {
      if (ask(heldBytes, heldAt)) {
        if (storageFull) {
          storage.whenWritable(callback);
        } else {
          callback.run();
        }
      } else {
        whenWritable(callback);
      }
    });
  }

  @Override
  public void closeFlow() {
    storage.closeFlow();
  }

  @Override
  public void unkept(long bytes) {
    storage.unkept(bytes);
  }

  @Override
  public void release() {
    storage.release();
  }
}
