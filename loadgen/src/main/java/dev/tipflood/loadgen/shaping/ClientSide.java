package dev.tipflood.loadgen.shaping;

import dev.tipflood.loadgen.measure.TimeSource;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One client connection: connects upstream, then moves client bytes upstream no faster than its
 * {@link UploadShaper} allows. At most one read's worth of client bytes is held here, and the
 * next read waits until it has all gone upstream and the upstream socket is writable again.
 * Everything runs on the connection's event loop, so no field needs synchronising.
 */
final class ClientSide extends ChannelInboundHandlerAdapter {
  private final InetSocketAddress target;
  private final UploadShaper shaper;
  private final TimeSource time;
  private final ShapingStats stats;
  private final ChannelGroup channels;
  private Channel client;
  private Channel upstream;
  private CompositeByteBuf pending;
  private boolean drainScheduled;
  private boolean draining;
  private long lastSendNanos = -1;

  ClientSide(InetSocketAddress target, UploadShaper shaper, TimeSource time, ShapingStats stats, ChannelGroup channels) {
    this.target = target;
    this.shaper = shaper;
    this.time = time;
    this.stats = stats;
    this.channels = channels;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    client = ctx.channel();
    stats.opened();
    new Bootstrap()
        .group(client.eventLoop())
        .channel(NioSocketChannel.class)
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, ShapingProxy.WATER_MARK)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
        .handler(new ServerSide(client, stats, this))
        .connect(target)
        .addListener((ChannelFutureListener) f -> {
          if (!f.isSuccess()) {
            stats.upstreamConnectFailed();
            client.close();
            return;
          }
          upstream = f.channel();
          channels.add(upstream);
          if (!client.isActive()) {
            upstream.close();
            return;
          }
          upstream.read();
          client.read();
        });
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf buf) || upstream == null) {
      // Reads start only once upstream is connected; anything else would be lost, so end the connection.
      ReferenceCountUtil.release(msg);
      ctx.close();
      return;
    }
    if (pending == null) {
      pending = ctx.alloc().compositeBuffer();
    }
    pending.addComponent(true, buf);
    drain();
  }

  /** Upstream became writable again: carry on. Called by {@link ServerSide}. */
  void upstreamWritable() {
    drain();
  }

  /** The client can take more: let the server side read again. */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (client.isWritable() && upstream != null && upstream.isActive()) {
      upstream.read();
    }
    ctx.fireChannelWritabilityChanged();
  }

  private void drain() {
    // A write can flush at once and fire upstream writability, which calls back in here: no re-entry.
    if (draining || drainScheduled || pending == null || upstream == null) {
      return;
    }
    draining = true;
    try {
      drainPending();
    } finally {
      draining = false;
    }
  }

  private void drainPending() {
    while (pending.isReadable()) {
      if (!upstream.isActive()) {
        return;
      }
      if (!upstream.isWritable()) {
        return; // ServerSide calls upstreamWritable() when the queue drains below the low mark
      }
      long granted = shaper.grant(pending.readableBytes());
      if (granted == 0) {
        long wait = Math.max(1, shaper.nanosUntilAvailable(pending.readableBytes()));
        stats.waited();
        drainScheduled = true;
        client.eventLoop().schedule(() -> {
          drainScheduled = false;
          drain();
        }, wait, TimeUnit.NANOSECONDS);
        return;
      }
      long now = time.nanoTime();
      stats.sentUp(granted, lastSendNanos < 0 ? -1 : now - lastSendNanos);
      lastSendNanos = now;
      upstream.writeAndFlush(pending.readRetainedSlice((int) granted));
    }
    pending.release();
    pending = null;
    if (client.isActive()) {
      client.read();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    stats.closed();
    releasePending();
    if (upstream != null) {
      closeOnFlush(upstream);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A reset or broken pipe is how clients leave: both sides go quietly. Anything else is a bug: say so.
    if (!(cause instanceof java.io.IOException)) {
      System.err.println("tipflood: upload-shaping proxy dropped a connection: " + cause);
      cause.printStackTrace();
    }
    ctx.close();
    if (upstream != null) {
      upstream.close();
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releasePending();
  }

  private void releasePending() {
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }

  /** Closes {@code ch} once what is already queued on it has been written. */
  static void closeOnFlush(Channel ch) {
    if (ch.isActive()) {
      ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    } else {
      ch.close();
    }
  }
}
