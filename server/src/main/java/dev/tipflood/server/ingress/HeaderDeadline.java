package dev.tipflood.server.ingress;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.error.ErrorResponder;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.throttle.HeaderTimeout;
import dev.tipflood.server.model.time.Scheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * {@code ingress.headerTimeout} on one connection: a deadline for a complete request head, which
 * trickling bytes do not push back. (The idle timer is no such deadline: Vert.x puts it behind
 * the HTTP decoder, where a partial head is silence, so a trickled head is cut at
 * {@code ingress.idleTimeout}, 60 s by default, unanswered and counted as idle; that it is cut at
 * all is an accident of handler order.)
 *
 * <p>The wait starts when the connection is accepted, and again on a keep-alive connection at the
 * first byte after the previous exchange ended (its body read, its response written): the silence
 * between requests stays the idle timeout's. It ends when the HTTP decoder has a whole head. At
 * the deadline the {@link HeaderTimeout} policy decides, the decision is counted, and the
 * connection is closed: after a raw {@code 408 header_timeout} when part of a head arrived, or
 * silently when nothing did (as HAProxy's {@code http-ignore-probes}: a browser's pre-connect is
 * no request to answer).
 *
 * <p>Two Netty handlers share this state: one in front of the decoder sees raw bytes, one behind
 * the codec sees decoded request heads and the responses going out. Everything, the timer
 * included, runs on the connection's event loop, so nothing here blocks or locks.
 */
final class HeaderDeadline {
  static final String BYTES_HANDLER = "tipflood-header-bytes";
  static final String EXCHANGES_HANDLER = "tipflood-header-exchanges";
  /** Vert.x's names for its HTTP/1.x request decoder and its own connection handler. */
  static final String DECODER = "httpDecoder";
  static final String VERTX_HANDLER = "handler";

  private final HeaderTimeout policy;
  private final Scheduler scheduler;
  private final Consumer<DecisionLog> counted;
  private ChannelHandlerContext raw;
  private Scheduler.Cancellable timer;
  private long waitingSince = -1;
  private long headBytes;
  private boolean bodyOpen;
  private int responsesPending;

  HeaderDeadline(HeaderTimeout policy, Scheduler scheduler, Consumer<DecisionLog> counted) {
    this.policy = policy;
    this.scheduler = scheduler;
    this.counted = counted;
  }

  /**
   * Installs around Vert.x's HTTP/1.x codec and starts the wait for the first head (call at
   * accept); false, and nothing installed, when the pipeline has no such codec.
   */
  boolean installIn(ChannelPipeline pipeline) {
    if (pipeline.get(DECODER) == null || pipeline.get(VERTX_HANDLER) == null || pipeline.get(BYTES_HANDLER) != null) {
      return false;
    }
    pipeline.addBefore(DECODER, BYTES_HANDLER, new Bytes());
    pipeline.addBefore(VERTX_HANDLER, EXCHANGES_HANDLER, new Exchanges());
    startWaiting();
    return true;
  }

  private boolean waiting() {
    return waitingSince >= 0;
  }

  private void startWaiting() {
    waitingSince = scheduler.nanoTime();
    headBytes = 0;
    timer = scheduler.schedule(policy.timeoutNanos(), this::deadline);
  }

  private void stopWaiting() {
    waitingSince = -1;
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  private void deadline() {
    timer = null;
    if (!waiting() || raw == null || !raw.channel().isActive()) {
      return;
    }
    long waited = scheduler.nanoTime() - waitingSince;
    Decision d = policy.late(waited, headBytes);
    if (!(d instanceof Decision.Reject)) {
      // A timer that fired early: wait out the rest.
      timer = scheduler.schedule(policy.timeoutNanos() - waited, this::deadline);
      return;
    }
    DecisionLog log = new DecisionLog();
    log.add(ConnectionGate.HEADER_DEFENCE, Point.CONNECTION, d);
    counted.accept(log);
    long bytes = headBytes;
    stopWaiting();
    if (bytes == 0) {
      raw.close();
    } else {
      // No request exists yet for Vert.x to answer, so the answer goes out as bytes, behind the encoder.
      raw.writeAndFlush(answer((Decision.Reject) d)).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static ByteBuf answer(Decision.Reject r) {
    String body = ErrorResponder.body(ApiException.of(ErrorCode.HEADER_TIMEOUT, r.detail())).encode();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nConnection: close\r\n"
        + "Content-Length: " + bytes.length + "\r\n\r\n";
    return Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.ISO_8859_1), bytes);
  }

  /** In front of the decoder: the bytes of a head, and the first byte of the next exchange. */
  private final class Bytes extends ChannelInboundHandlerAdapter {
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      raw = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf buf && buf.isReadable()) {
        if (!waiting() && !bodyOpen && responsesPending == 0) {
          waitingSince = scheduler.nanoTime();
          headBytes = 0;
        }
        if (waiting()) {
          headBytes += buf.readableBytes();
        }
      }
      ctx.fireChannelRead(msg);
      // Most heads arrive whole in one read and the decoder has ended the wait by now: a timer
      // only for a head still incomplete.
      if (waiting() && timer == null) {
        timer = scheduler.schedule(policy.timeoutNanos() - (scheduler.nanoTime() - waitingSince), HeaderDeadline.this::deadline);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      stopWaiting();
      ctx.fireChannelInactive();
    }
  }

  /** Behind the codec: a head decoded ends the wait; an exchange ends with its body read and its response written. */
  private final class Exchanges extends ChannelDuplexHandler {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest) {
        stopWaiting();
        responsesPending++;
        bodyOpen = true;
      }
      if (msg instanceof LastHttpContent) {
        bodyOpen = false;
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      boolean interim = msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL;
      if (msg instanceof LastHttpContent && !interim && responsesPending > 0) {
        responsesPending--;
      }
      ctx.write(msg, promise);
    }
  }
}
