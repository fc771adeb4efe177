package dev.tipflood.server.defence.http;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.upload.PartGuard;
import dev.tipflood.server.api.upload.StagedMedia;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.MediaPart;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.control.DefenceSet;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;

/**
 * One media part's way past the defences: its first {@link MediaPart#HEAD_BYTES} are held in
 * memory until the defences at {@link Point#MEDIA_HEAD} have looked at them (nothing is stored
 * before), every chunk then goes through the scanners they attached, and the complete part goes
 * to the defences at {@link Point#MEDIA_END}, which may answer later (a queued ticket: hashing on
 * a worker). Confined to the request's event loop.
 */
final class MediaPartGuard implements PartGuard {
  private final DefenceSet set;
  private final RequestDefences request;
  private final MediaPart part;
  private final Context context;
  private Buffer head = Buffer.buffer(4096);
  private boolean headDecided;
  private long scanned;
  /** Which defence attached each of the part's scanners, in order: a scanner's refusal is counted as its. */
  private final java.util.List<String> owners = new java.util.ArrayList<>(2);

  MediaPartGuard(DefenceSet set, RequestDefences request, MediaPart part, Context context) {
    this.set = set;
    this.request = request;
    this.part = part;
    this.context = context;
  }

  @Override
  public Buffer admit(Buffer chunk) {
    if (headDecided) {
      scan(chunk);
      return chunk;
    }
    head.appendBuffer(chunk);
    return head.length() >= MediaPart.HEAD_BYTES ? releaseHead() : null;
  }

  @Override
  public Buffer flush() {
    Buffer rest = headDecided ? null : releaseHead();
    for (int i = 0; i < part.scanners().size(); i++) {
      Decision.Reject r = part.scanners().get(i).end(scanned);
      if (r != null) {
        throw refused(owners.get(i), Point.MEDIA_END, r);
      }
    }
    return rest;
  }

  /** Decides on the head, then scans and releases it for storage. */
  private Buffer releaseHead() {
    headDecided = true;
    byte[] bytes = head.getBytes(0, Math.min(head.length(), MediaPart.HEAD_BYTES));
    part.head(bytes);
    request.attempt().focus(part);
    for (DefenceSet.Slot slot : set.at(Point.MEDIA_HEAD)) {
      Decision d = slot.defence().decide(Point.MEDIA_HEAD, request.attempt());
      while (owners.size() < part.scanners().size()) {
        owners.add(slot.name());
      }
      if (d instanceof Decision.Reject r) {
        throw refused(slot.name(), Point.MEDIA_HEAD, r);
      }
      request.logged(slot.name(), Point.MEDIA_HEAD, d);
    }
    Buffer released = head;
    head = null;
    scan(released);
    return released;
  }

  private void scan(Buffer chunk) {
    scanned += chunk.length();
    if (part.scanners().isEmpty()) {
      return;
    }
    ByteBuffer bytes = ((BufferInternal) chunk).getByteBuf().nioBuffer();
    for (int i = 0; i < part.scanners().size(); i++) {
      Decision.Reject r = part.scanners().get(i).scan(bytes.duplicate());
      if (r != null) {
        throw refused(owners.get(i), Point.BODY, r);
      }
    }
  }

  private ApiException refused(String defence, Point point, Decision.Reject r) {
    request.logged(defence, point, r);
    return request.refused(defence, r);
  }

  @Override
  public Future<StagedMedia> staged(StagedMedia media) {
    part.completed(media.size(), media.sha256(), media.temp());
    return decideEnd(set.at(Point.MEDIA_END), 0).map(v -> part.linkStoredAs() == null ? media
        : media.linkedTo(new StagedMedia.StoredCopy(part.linkTipId(), part.linkStoredAs())));
  }

  /** Asks the defences at the part's end from {@code from} on, waiting for any that queue the part. */
  private Future<Void> decideEnd(DefenceSet.Slot[] slots, int from) {
    for (int i = from; i < slots.length; i++) {
      DefenceSet.Slot slot = slots[i];
      request.attempt().focus(part);
      Decision d = slot.defence().decide(Point.MEDIA_END, request.attempt());
      if (d instanceof Decision.Queued q) {
        int next = i + 1;
        Promise<Decision> settled = Promise.promise();
        q.ticket().onSettled(s -> context.runOnContext(v -> settled.complete(s)));
        return settled.future().compose(s -> {
          ApiException refused = settle(slot, s);
          return refused != null ? Future.failedFuture(refused) : decideEnd(slots, next);
        });
      }
      ApiException refused = settle(slot, d);
      if (refused != null) {
        return Future.failedFuture(refused);
      }
    }
    return Future.succeededFuture();
  }

  private ApiException settle(DefenceSet.Slot slot, Decision d) {
    if (d instanceof Decision.Reject r) {
      return refused(slot.name(), Point.MEDIA_END, r);
    }
    request.logged(slot.name(), Point.MEDIA_END, d);
    return null;
  }
}
