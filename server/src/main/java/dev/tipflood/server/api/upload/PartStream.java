package dev.tipflood.server.api.upload;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayDeque;

/**
 * One media part of the body as a {@link ReadStream}, fed by the multipart parser and read by a
 * {@link io.vertx.core.streams.Pipe}. The parser pushes whatever the current network chunk holds;
 * while the reader has no demand, chunks wait here (at most one network chunk's worth) and the
 * request is held paused through the {@link RequestFlow}, so TCP back-pressure reaches the client.
 */
final class PartStream implements ReadStream<Buffer> {
  private final RequestFlow flow;
  private final ArrayDeque<Buffer> pending = new ArrayDeque<>(2);
  private Handler<Buffer> handler;
  private Handler<Void> endHandler;
  private long demand = Long.MAX_VALUE;
  private boolean ended;
  private boolean endDelivered;
  private boolean holding;
  private boolean dropping;

  PartStream(RequestFlow flow) {
    this.flow = flow;
  }

  /** A part whose bytes are read and dropped, never stored (its media was deferred). */
  static PartStream dropped(RequestFlow flow) {
    PartStream p = new PartStream(flow);
    p.handler(null);
    return p;
  }

  /** The parser's next bytes of this part. */
  void push(Buffer data) {
    if (dropping) {
      return;
    }
    if (ended) {
      throw new IllegalStateException("data after the end of the part");
    }
    pending.add(data);
    drain();
  }

  /** The part's closing delimiter was seen. */
  void end() {
    ended = true;
    drain();
  }

  private void drain() {
    while (demand > 0 && handler != null && !pending.isEmpty()) {
      if (demand != Long.MAX_VALUE) {
        demand--;
      }
      handler.handle(pending.poll());
    }
    if (pending.isEmpty()) {
      unhold();
      if (ended && !endDelivered && endHandler != null) {
        endDelivered = true;
        endHandler.handle(null);
      }
    } else if (!holding) {
      holding = true;
      flow.hold();
    }
  }

  private void unhold() {
    if (holding) {
      holding = false;
      flow.release();
    }
  }

  @Override
  public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    // A body that fails mid-part fails the whole session, which closes this part's pipe.
    return this;
  }

  @Override
  public ReadStream<Buffer> handler(Handler<Buffer> handler) {
    // Only a closing pipe takes the handler away (even one closed before it was connected).
    boolean closing = handler == null;
    this.handler = handler;
    if (closing) {
      // A closed pipe drops the rest of the part, as Vert.x's own file upload does.
      dropping = true;
      pending.clear();
      demand = Long.MAX_VALUE;
      unhold();
    } else {
      drain();
    }
    return this;
  }

  @Override
  public ReadStream<Buffer> pause() {
    demand = 0;
    return this;
  }

  @Override
  public ReadStream<Buffer> resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public ReadStream<Buffer> fetch(long amount) {
    demand = amount == Long.MAX_VALUE || demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
    drain();
    return this;
  }

  @Override
  public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    drain();
    return this;
  }
}
