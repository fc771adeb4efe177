package dev.tipflood.server.ingress;

import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.throttle.IdleTimeout;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sits right behind the transport's idle timer on one connection: when the timer fires, asks
 * the {@link IdleTimeout} policy, hands its decision to the counters, and lets the event go on
 * to Vert.x, which closes the connection. The timer itself stays Netty's; only the decision and
 * its counting are the defence's. Vert.x puts the timer behind the HTTP decoder, so it sees every
 * decoded request part (each body chunk) and every write, but not the bytes of a head still
 * incomplete: those are {@link HeaderDeadline}'s.
 */
final class IdleDecisions extends ChannelInboundHandlerAdapter {
  static final String HANDLER_NAME = "tipflood-idle-decisions";
  private final IdleTimeout policy;
  private final long timeoutNanos;
  private final Consumer<DecisionLog> counted;

  IdleDecisions(IdleTimeout policy, long timeoutNanos, Consumer<DecisionLog> counted) {
    this.policy = policy;
    this.timeoutNanos = timeoutNanos;
    this.counted = counted;
  }

  /** Installs behind the pipeline's idle timer; false when the pipeline has none (idle timeout off). */
  boolean installIn(ChannelPipeline pipeline) {
    if (pipeline.get(HANDLER_NAME) != null) {
      return true;
    }
    for (Map.Entry<String, io.netty.channel.ChannelHandler> e : pipeline) {
      if (e.getValue() instanceof IdleStateHandler) {
        pipeline.addAfter(e.getKey(), HANDLER_NAME, this);
        return true;
      }
    }
    return false;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      Decision d = policy.idle(timeoutNanos);
      if (d instanceof Decision.Reject) {
        DecisionLog log = new DecisionLog();
        log.add(ConnectionGate.IDLE_DEFENCE, Point.CONNECTION, d);
        counted.accept(log);
      }
    }
    super.userEventTriggered(ctx, evt);
  }
}
