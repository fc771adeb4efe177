package dev.tipflood.server.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.ServerSettings;
import dev.tipflood.server.TipfloodServer;
import dev.tipflood.server.config.ProfileLoader;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server core's ingress and heap settings, checked from outside. */
class IngressAndHeapTest {

  @TempDir Path dataDir;

  @Test
  void idleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    var profile = ProfileLoader.parse("name: t\ningress: {idleTimeout: 1s}\n".getBytes(StandardCharsets.UTF_8), "t");
    TipfloodServer server = TipfloodServer.start(ServerSettings.loopback(dataDir, profile, "tok"),
        new CapacityWiring(), note -> { }).toCompletionStage().toCompletableFuture().join();
    try (Socket silent = new Socket("127.0.0.1", server.publicPort())) {
      // an upper bound only: the read must see the server's close long before this
      silent.setSoTimeout(15_000);
      InputStream in = silent.getInputStream();
      assertThat(in.read()).as("the server closed the silent connection").isEqualTo(-1);
    } finally {
      server.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  @Test
  void heapOtherThanTheProfilesIsReported() {
    long mb = 1024 * 1024;
    assertThat(CapacityWiring.heapMismatch(256 * mb, 240 * mb)).isEmpty();
    assertThat(CapacityWiring.heapMismatch(256 * mb, 6000 * mb))
        .hasValueSatisfying(note -> assertThat(note).contains("jvm.heap is 256MB", "-Xmx256m"));
    assertThat(ProfileLoader.builtin("naive").jvm().heap().bytes()).isEqualTo(256 * mb);
  }
}
