package dev.tipflood.loadgen.shaping;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The upstream half of a proxied connection: server bytes go to the client unshaped, one read at
 * a time while the client socket is writable (the client side reads again when it becomes
 * writable). Tells {@link ClientSide} when the upstream write queue has drained.
 */
final class ServerSide extends ChannelInboundHandlerAdapter {
  private final Channel client;
  private final ShapingStats stats;
  private final ClientSide clientSide;

  ServerSide(Channel client, ShapingStats stats, ClientSide clientSide) {
    this.client = client;
    this.stats = stats;
    this.clientSide = clientSide;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf buf) {
      stats.sentDown(buf.readableBytes());
    }
    client.writeAndFlush(msg);
    if (client.isWritable()) {
      ctx.channel().read();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      clientSide.upstreamWritable();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    ClientSide.closeOnFlush(client);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
    client.close();
  }
}
