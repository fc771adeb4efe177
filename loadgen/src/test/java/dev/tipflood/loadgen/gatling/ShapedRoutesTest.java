package dev.tipflood.loadgen.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.measure.TimeSource;
import dev.tipflood.loadgen.plan.ClientBehaviour;
import dev.tipflood.loadgen.plan.IdentityPlan;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.MetadataRealism;
import dev.tipflood.loadgen.plan.PopulationPlan;
import dev.tipflood.loadgen.plan.RetryPolicy;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run path of a slow-uploads-style plan: the shaped population goes through its proxy, byte for byte. */
class ShapedRoutesTest {
  private static PopulationPlan population(String name, long uploadCap) {
    return new PopulationPlan(name, "junk", List.of(1), List.of(0L), new IdentityPlan(1, 0, 1, false),
        new MetadataRealism(0, 0, 0, null), new ClientBehaviour(1000, RetryPolicy.NONE, uploadCap), List.of(List.of()));
  }

  @Test
  void onlyTheCappedPopulationGoesThroughAProxyThatPassesHeadersUntouched(@TempDir Path dir) throws Exception {
    try (ServerSocket target = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      String base = "http://127.0.0.1:" + target.getLocalPort();
      LoadPlan plan = new LoadPlan("t", 1, base, 1, 0, dir.toString(),
          List.of(population("citizens", 0), population("tricklers", 50_000)));
      byte[] request = ("POST /api/v1/tips HTTP/1.1\r\nHost: x\r\nX-Tipflood-Truth: junk\r\n"
          + "X-Forwarded-For: 10.0.0.7\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      try (ShapedRoutes routes = new ShapedRoutes(plan, TimeSource.SYSTEM)) {
        assertThat(routes.baseUrl("citizens")).isEqualTo(base);
        URI shaped = URI.create(routes.baseUrl("tricklers"));
        assertThat(shaped.getHost()).isEqualTo("127.0.0.1");
        assertThat(shaped.getPort()).isNotEqualTo(target.getLocalPort());

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), shaped.getPort());
             Socket upstream = target.accept()) {
          OutputStream out = client.getOutputStream();
          out.write(request);
          out.flush();
          upstream.setSoTimeout(30_000);
          assertThat(upstream.getInputStream().readNBytes(request.length)).isEqualTo(request);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
          routes.writeStats();
          JsonNode stats = new ObjectMapper().readTree(dir.resolve(ShapedRoutes.STATS_FILE).toFile());
          assertThat(stats.has("citizens")).isFalse();
          assertThat(stats.path("tricklers").path("capBytesPerSecond").asLong()).isEqualTo(50_000);
          assertThat(stats.path("tricklers").path("bytesUp").asLong()).isEqualTo(request.length);
          assertThat(stats.path("tricklers").path("openConnections").asLong()).isZero();
        });
      }
    }
  }

  @Test
  void aNonLoopbackTargetIsNeverProxied(@TempDir Path dir) {
    LoadPlan plan = new LoadPlan("t", 1, "http://10.1.2.3:80", 1, 0, dir.toString(), List.of(population("slow", 800)));
    assertThatThrownBy(() -> new ShapedRoutes(plan, TimeSource.SYSTEM)).hasMessageContaining("loopback");
  }
}
