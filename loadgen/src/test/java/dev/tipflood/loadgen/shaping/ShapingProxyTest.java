package dev.tipflood.loadgen.shaping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tipflood.loadgen.measure.TimeSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real sockets on loopback: a client, the proxy, a sink that counts what arrives. */
class ShapingProxyTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private ExecutorService threads;
  private ServerSocket sink;

  @BeforeEach
  void sink() throws IOException {
    threads = Executors.newCachedThreadPool();
    sink = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void stop() throws Exception {
    sink.close();
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Accepts one connection, reads {@code expect} bytes, answers {@code reply} bytes, then reads to EOF. */
  private CompletableFuture<Long> sinkReading(long expect, int reply) {
    return CompletableFuture.supplyAsync(() -> {
      try (Socket s = sink.accept()) {
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        long got = 0;
        while (got < expect) {
          int n = in.read(buf);
          if (n < 0) {
            return got;
          }
          got += n;
        }
        s.getOutputStream().write(new byte[reply]);
        s.getOutputStream().flush();
        try {
          while (in.read(buf) >= 0) {
            got += 0; // drain to EOF: the proxy must close this side when the client goes
          }
        } catch (IOException reset) {
          return got;
        }
        return got;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }, threads);
  }

  private InetSocketAddress sinkAddress() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), sink.getLocalPort());
  }

  @Test
  void aShapedStreamIsNoFasterThanTheCapPlusOneBurst() throws Exception {
    long cap = 200_000;
    int total = 150_000;
    int reply = 100_000;
    try (ShapingProxy proxy = ShapingProxy.start(sinkAddress(), cap, TimeSource.SYSTEM)) {
      CompletableFuture<Long> received = sinkReading(total, reply);
      long start = System.nanoTime();
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        client.setSoTimeout((int) PATIENCE.toMillis());
        OutputStream out = client.getOutputStream();
        for (int sent = 0; sent < total; sent += 10_000) {
          out.write(new byte[10_000]);
        }
        out.flush();
        assertThat(client.getInputStream().readNBytes(reply)).hasSize(reply); // the way back is not shaped
      }
      assertThat(received.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(total);
      double wallSeconds = (System.nanoTime() - start) / 1e9;
      await().atMost(PATIENCE).until(() -> proxy.stats().snapshot().openConnections() == 0);

      ShapingStats.Snapshot s = proxy.stats().snapshot();
      assertThat(s.connections()).isEqualTo(1);
      assertThat(s.bytesUp()).isEqualTo(total);
      assertThat(s.bytesDown()).isEqualTo(reply);
      assertThat(s.waits()).isPositive();
      double seconds = s.shapedNanos() / 1e9;
      // Over a short stream the initial burst weighs: take one burst off before comparing with the cap.
      double ratio = (s.bytesUp() - s.burstBytes()) / seconds / cap;
      System.out.printf("shaped %d B at cap %d B/s (burst %d B): %.3f s, achieved %.0f B/s (%.3f of cap),"
              + " net of one burst %.3f of cap; wall %.3f s%n", s.bytesUp(), cap, s.burstBytes(), seconds,
          s.achievedBytesPerSecond(), s.achievedBytesPerSecond() / cap, ratio, wallSeconds);
      // Upper bound only: the bucket never grants more than cap * time plus one burst (2% for timer slack).
      assertThat((double) s.bytesUp()).isLessThanOrEqualTo(cap * seconds * 1.02 + s.burstBytes());
      assertThat(ratio).isLessThan(1.05);
      // The whole stream cannot have finished before its shaped duration either (wall clock, lower bound on time).
      assertThat(wallSeconds).isGreaterThanOrEqualTo((total - s.burstBytes()) / (double) cap * 0.98);
    }
  }

  @Test
  void aClientResetClosesTheUpstreamSideWithoutTricklingWhatItStillHad() throws Exception {
    long cap = 20_000;
    int offered = 400_000;
    try (ShapingProxy proxy = ShapingProxy.start(sinkAddress(), cap, TimeSource.SYSTEM)) {
      CompletableFuture<Long> received = sinkReading(Long.MAX_VALUE, 0);
      Socket client = new Socket();
      client.setSendBufferSize(4096);
      client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()));
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        try {
          client.getOutputStream().write(new byte[offered]); // blocks: the proxy holds the client back
        } catch (IOException closedUnderIt) {
          // expected: the socket is reset below while this write waits
        }
      }, threads);
      await().atMost(PATIENCE).until(() -> proxy.stats().snapshot().bytesUp() > cap / 2);
      client.setSoLinger(true, 0); // RST, not FIN
      client.close();
      writer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      long got = received.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      // Only what sat in the proxy's small receive buffer may still go up, not the rest of the offer.
      assertThat(got).isPositive().isLessThan(cap / 2 + 2L * ShapingProxy.receiveBuffer(cap / 10) + cap);
      await().atMost(PATIENCE).until(() -> proxy.stats().snapshot().openConnections() == 0);
    }
  }

  @Test
  void aServerThatDoesNotReadStopsTheProxyReadingItsClient() throws Exception {
    int offered = 32 * 1024 * 1024;
    ServerSocket stalled = new ServerSocket();
    stalled.setReceiveBufferSize(4096);
    stalled.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    try (stalled; ShapingProxy proxy = ShapingProxy.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), stalled.getLocalPort()), 100_000_000, TimeSource.SYSTEM);
         Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
         Socket upstream = stalled.accept()) { // accepted, never read
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        try {
          client.getOutputStream().write(new byte[offered]);
        } catch (IOException closedAtTheEnd) {
          // the test closes the sockets while this write still waits
        }
      }, threads);
      long[] last = {-1};
      await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
        long now = proxy.stats().snapshot().bytesUp();
        boolean stalledNow = now > 0 && now == last[0];
        last[0] = now;
        return stalledNow;
      });
      // Held back by TCP, not buffered in the proxy: at most socket buffers and one write queue got through.
      assertThat(proxy.stats().snapshot().bytesUp()).isLessThan(offered / 4);
      assertThat(writer).isNotDone();
      assertThat(upstream.isClosed()).isFalse();
    }
  }

  @Test
  void theServerClosingClosesTheClientAfterItsBytes() throws Exception {
    try (ShapingProxy proxy = ShapingProxy.start(sinkAddress(), 50_000, TimeSource.SYSTEM)) {
      CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
        try (Socket s = sink.accept()) {
          s.getOutputStream().write("bye".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }, threads);
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        client.setSoTimeout((int) PATIENCE.toMillis());
        assertThat(client.getInputStream().readAllBytes()).asString().isEqualTo("bye"); // then EOF
      }
      server.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      await().atMost(PATIENCE).until(() -> proxy.stats().snapshot().openConnections() == 0);
    }
  }

  @Test
  void aRefusedTargetClosesTheClientAndIsCounted() throws Exception {
    int closedPort;
    try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = gone.getLocalPort();
    }
    try (ShapingProxy proxy = ShapingProxy.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort),
        1_000, TimeSource.SYSTEM);
         Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      client.setSoTimeout((int) PATIENCE.toMillis());
      assertThat(client.getInputStream().read()).isEqualTo(-1);
      await().atMost(PATIENCE).until(() -> proxy.stats().snapshot().openConnections() == 0);
      assertThat(proxy.stats().snapshot().upstreamConnectFailures()).isEqualTo(1);
    }
  }

  @Test
  void closingTheProxyFreesItsPortAndDropsOpenConnections() throws Exception {
    ShapingProxy proxy = ShapingProxy.start(sinkAddress(), 1_000, TimeSource.SYSTEM);
    CompletableFuture<Long> received = sinkReading(Long.MAX_VALUE, 0);
    int port = proxy.port();
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
      client.setSoTimeout((int) PATIENCE.toMillis());
      await().atMost(PATIENCE).until(() -> proxy.stats().snapshot().openConnections() == 1);
      proxy.close();
      assertThat(client.getInputStream().read()).isEqualTo(-1);
    }
    received.get(PATIENCE.toSeconds(), TimeUnit.SECONDS); // the upstream side was closed too
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close()).isInstanceOf(IOException.class);
  }

  @Test
  void refusesANonLoopbackTarget() {
    assertThatThrownBy(() -> ShapingProxy.start(new InetSocketAddress("10.1.2.3", 80), 1_000, TimeSource.SYSTEM))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
  }
}
