package dev.tipflood.loadgen.shaping;

import dev.tipflood.loadgen.measure.TimeSource;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP proxy that caps each connection's client-to-server rate at
 * {@code bytesPerSecond} (an {@link UploadShaper} per connection) and forwards server-to-client
 * bytes as they come. Listens on an ephemeral port of 127.0.0.1 only and forwards to a loopback
 * target only. Non-blocking (Netty NIO, one event-loop thread) with bounded buffers: it reads
 * from a client only when the bytes of its previous read have gone upstream and the upstream
 * socket is writable, and from the server only while the client socket is writable. Either side
 * closing (EOF or reset) closes the other after flushing what was already written.
 *
 * <pre>{@code
 * try (ShapingProxy proxy = ShapingProxy.start(new InetSocketAddress("127.0.0.1", 8080), 16_384, TimeSource.SYSTEM)) {
 *   URI via = URI.create("http://127.0.0.1:" + proxy.port());
 *   ...
 *   ShapingStats.Snapshot s = proxy.stats().snapshot();
 * }
 * }</pre>
 */
public final class ShapingProxy implements AutoCloseable {
  /** Upstream bytes a connection may have queued in Netty before it stops reading its client. */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

  private final EventLoopGroup group;
  private final ChannelGroup channels;
  private final Channel server;
  private final ShapingStats stats;

  private ShapingProxy(EventLoopGroup group, ChannelGroup channels, Channel server, ShapingStats stats) {
    this.group = group;
    this.channels = channels;
    this.server = server;
    this.stats = stats;
  }

  /**
   * Binds 127.0.0.1 on an ephemeral port and starts forwarding to {@code target}.
   *
   * @throws IllegalArgumentException if the target is not a loopback address or the cap is below 1
   */
  public static ShapingProxy start(InetSocketAddress target, long bytesPerSecond, TimeSource time) {
    InetAddress address = target.getAddress();
    if (address == null || !address.isLoopbackAddress()) {
      throw new IllegalArgumentException("upload shaping proxies forward to loopback targets only, not " + target);
    }
    long burst = UploadShaper.burstBytes(bytesPerSecond);
    new UploadShaper(bytesPerSecond, time); // validates the cap before any thread starts
    ShapingStats stats = new ShapingStats(bytesPerSecond, burst);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("tipflood-shaper-" + bytesPerSecond, true), NioIoHandler.newFactory());
    ChannelGroup channels = new DefaultChannelGroup("shaper", GlobalEventExecutor.INSTANCE);
    try {
      Channel server = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          // Set on the listening socket so accepted sockets inherit it before their window is advertised.
          .option(ChannelOption.SO_RCVBUF, receiveBuffer(burst))
          .childOption(ChannelOption.AUTO_READ, false)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              channels.add(ch);
              ch.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(readSize(burst)));
              ch.pipeline().addLast(new ClientSide(target, new UploadShaper(bytesPerSecond, time), time, stats, channels));
            }
          })
          .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
          .syncUninterruptibly()
          .channel();
      channels.add(server);
      return new ShapingProxy(group, channels, server, stats);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      throw e;
    }
  }

  /**
   * Bytes read from a client at a time: about one burst (64 B to 64 KB). The proxy reads again
   * only once a read has gone upstream, and it notices a client's EOF or reset only when it
   * reads, so small reads mean a client that gave up stops being trickled within about one burst
   * window; the bytes it has not read wait in the kernel's socket buffer (TCP back-pressure).
   */
  static int readSize(long burst) {
    return (int) Math.max(64, Math.min(64 * 1024, burst));
  }

  /**
   * The kernel receive buffer of client sockets: a few reads' worth (4 KB to 128 KB), not
   * loopback's megabytes, so that bytes a client has handed over but the proxy has not yet
   * shaped stay few. A client that gives up (reset) stops reaching the server within about this
   * many bytes at the cap; on a graceful close its own send buffer drains first, as a phone's would.
   */
  static int receiveBuffer(long burst) {
    return (int) Math.max(4 * 1024, Math.min(128 * 1024, 2 * burst));
  }

  /** The port the proxy listens on, at 127.0.0.1. */
  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  public ShapingStats stats() {
    return stats;
  }

  /** Closes the listening socket and every connection, and stops the event loop. */
  @Override
  public void close() {
    channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
