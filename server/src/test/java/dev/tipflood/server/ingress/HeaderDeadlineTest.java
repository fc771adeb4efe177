package dev.tipflood.server.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.throttle.HeaderTimeout;
import dev.tipflood.server.model.time.VirtualScheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The header deadline's state machine on an in-memory channel with Netty's own HTTP codec under
 * Vert.x's handler names, in virtual time: no socket, no sleep.
 */
class HeaderDeadlineTest {
  private static final String GET = "GET /x HTTP/1.1\r\nHost: h\r\n\r\n";
  private final VirtualScheduler time = new VirtualScheduler();
  private final List<DecisionLog> counted = new ArrayList<>();
  private final EmbeddedChannel channel = new EmbeddedChannel();

  HeaderDeadlineTest() {
    channel.pipeline().addLast(HeaderDeadline.DECODER, new HttpRequestDecoder());
    channel.pipeline().addLast("httpEncoder", new HttpResponseEncoder());
    channel.pipeline().addLast(HeaderDeadline.VERTX_HANDLER, new AnswerEachRequest());
    boolean installed = new HeaderDeadline(new HeaderTimeout(Duration.ofSeconds(10)), time, counted::add)
        .installIn(channel.pipeline());
    assertThat(installed).isTrue();
  }

  @Test
  void aHeadTrickledAByteASecondGets408AtTheDeadlineFromAccept() {
    String head = "POST /api/v1/tips HTTP/1.1\r\nHost: h\r\nX-Slow: " + "a".repeat(40);
    for (int i = 0; i < 9; i++) {
      send(head.substring(i, i + 1));
      time.advanceBy(Duration.ofSeconds(1));
    }
    assertThat(channel.isOpen()).as("9 s in, with a byte each second").isTrue();
    send(head.substring(9, 10));
    time.advanceBy(Duration.ofSeconds(1));

    assertThat(channel.isOpen()).as("closed at 10 s, although a byte came every second").isFalse();
    assertThat(written()).startsWith("HTTP/1.1 408 Request Timeout\r\n").contains("Connection: close\r\n")
        .contains("\"code\":\"header_timeout\"").contains("10 bytes of it arrived");
    assertCountedOnce();
  }

  @Test
  void aConnectionThatSendsNothingIsClosedSilentlyAtTheDeadline() {
    time.advanceBy(Duration.ofMillis(9_999));
    assertThat(channel.isOpen()).isTrue();
    time.advanceBy(Duration.ofMillis(1));
    assertThat(channel.isOpen()).isFalse();
    assertThat(written()).as("no answer to a connection that asked nothing").isEmpty();
    assertCountedOnce();
  }

  @Test
  void aHeadCompleteInTimeIsAnsweredAndTheConnectionOutlivesTheDeadline() {
    time.advanceBy(Duration.ofSeconds(9));
    send(GET);
    assertThat(written()).startsWith("HTTP/1.1 200 OK");
    time.advanceBy(Duration.ofMinutes(5));
    assertThat(channel.isOpen()).as("silence between requests is the idle timeout's, not this deadline's").isTrue();
    assertThat(counted).isEmpty();
  }

  @Test
  void onAKeepAliveConnectionTheWaitStartsAtTheNextRequestsFirstByte() {
    send(GET);
    written();
    time.advanceBy(Duration.ofMinutes(1));
    send("GET /y HT");
    time.advanceBy(Duration.ofMillis(9_999));
    assertThat(channel.isOpen()).isTrue();
    time.advanceBy(Duration.ofMillis(1));
    assertThat(channel.isOpen()).isFalse();
    assertThat(written()).startsWith("HTTP/1.1 408").contains("9 bytes of it arrived");
    assertCountedOnce();
  }

  @Test
  void aSlowBodyIsNotTheHeadersDeadline() {
    send("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n");
    for (int i = 0; i < 30; i++) {
      send("b"); // ingress.slowBodyTimeout's business, not this one's
      time.advanceBy(Duration.ofSeconds(1));
    }
    assertThat(channel.isOpen()).isTrue();
    assertThat(counted).isEmpty();
  }

  @Test
  void aResponseNotYetWrittenHoldsTheNextWaitBack() {
    AnswerEachRequest answers = (AnswerEachRequest) channel.pipeline().get(HeaderDeadline.VERTX_HANDLER);
    answers.holding = true;
    send(GET + "GET /y"); // pipelined: the second head's first bytes arrive while the first is in flight
    time.advanceBy(Duration.ofSeconds(30));
    assertThat(channel.isOpen()).as("the server, not the client, is the slow one here").isTrue();
    answers.release();
    send(" HTTP/1.1\r\n");
    time.advanceBy(Duration.ofSeconds(10));
    assertThat(channel.isOpen()).as("once answered, the unfinished head's next byte starts the wait").isFalse();
    assertCountedOnce();
  }

  @Test
  void pipelinedRequestsInOneReadAreAllAnsweredWithoutATimer() {
    send(GET + GET + GET);
    assertThat(written().split("HTTP/1.1 200 OK", -1)).hasSize(4);
    time.advanceBy(Duration.ofMinutes(1));
    assertThat(channel.isOpen()).isTrue();
    assertThat(counted).isEmpty();
  }

  @Test
  void anInterimContinueDoesNotEndTheExchange() {
    AnswerEachRequest answers = (AnswerEachRequest) channel.pipeline().get(HeaderDeadline.VERTX_HANDLER);
    answers.continueFirst = true;
    answers.holding = true;
    send("POST /x HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n");
    assertThat(written()).startsWith("HTTP/1.1 100 Continue");
    send("b");
    send("G"); // a next head's first byte while the answer is still held
    time.advanceBy(Duration.ofSeconds(30));
    assertThat(channel.isOpen()).isTrue();
    assertThat(counted).isEmpty();
  }

  private void assertCountedOnce() {
    assertThat(counted).hasSize(1);
    assertThat(counted.get(0).entries()).singleElement().satisfies(e -> {
      assertThat(e.defence()).isEqualTo(ConnectionGate.HEADER_DEFENCE);
      assertThat(e.point()).isEqualTo(Point.CONNECTION);
      assertThat(e.decision()).isEqualTo("reject");
      assertThat(e.reason()).isEqualTo("header_timeout");
    });
  }

  private void send(String text) {
    channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
  }

  private String written() {
    StringBuilder out = new StringBuilder();
    for (Object o = channel.readOutbound(); o != null; o = channel.readOutbound()) {
      out.append(((ByteBuf) o).toString(StandardCharsets.ISO_8859_1));
      ReferenceCountUtil.release(o);
    }
    return out.toString();
  }

  /** Stands in for Vert.x: answers each request once its body is read, or when released. */
  private static final class AnswerEachRequest extends ChannelInboundHandlerAdapter {
    boolean holding;
    boolean continueFirst;
    private int held;
    private ChannelHandlerContext ctx;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (continueFirst && msg instanceof io.netty.handler.codec.http.HttpRequest) {
        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
      }
      if (msg instanceof LastHttpContent) {
        if (holding) {
          held++;
        } else {
          ctx.writeAndFlush(ok());
        }
      }
      ReferenceCountUtil.release(msg);
    }

    void release() {
      holding = false;
      for (; held > 0; held--) {
        ctx.writeAndFlush(ok());
      }
    }

    private static FullHttpResponse ok() {
      FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII));
      r.headers().set(HttpHeaderNames.CONTENT_LENGTH, 2);
      return r;
    }
  }
}
