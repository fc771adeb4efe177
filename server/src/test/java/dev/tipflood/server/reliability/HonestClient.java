package dev.tipflood.server.reliability;

import dev.tipflood.server.testing.TipClient;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.HdrHistogram.Histogram;

/**
 * The honest client that must keep being served while an abuser attacks: posts {@code tips} small
 * tips one after another, each timed into an HdrHistogram. Bounded in count and time.
 */
final class HonestClient {
  /** What the honest client saw. */
  record Served(int sent, int acknowledged, Histogram latencyMicros) {
    long p99Millis() {
      return latencyMicros.getValueAtPercentile(99) / 1000;
    }

    @Override
    public String toString() {
      return acknowledged + "/" + sent + " acknowledged, p50 " + latencyMicros.getValueAtPercentile(50) / 1000
          + " ms, p99 " + p99Millis() + " ms, max " + latencyMicros.getMaxValue() / 1000 + " ms";
    }
  }

  private HonestClient() {}

  /** Starts posting on its own thread; the future completes with what was served. */
  static CompletableFuture<Served> start(int port, int tips) {
    TipClient client = new TipClient(Duration.ofSeconds(10));
    Random random = new Random(tips);
    var thread = Executors.newSingleThreadExecutor();
    CompletableFuture<Served> served = CompletableFuture.supplyAsync(() -> {
      Histogram h = new Histogram(60_000_000L, 3);
      int ok = 0;
      for (int i = 0; i < tips; i++) {
        long t0 = System.nanoTime();
        try {
          if (client.post(port, TipClient.photo(random, 2_000)).acknowledged()) {
            ok++;
          }
        } catch (Exception e) {
          // counted as not acknowledged
        }
        h.recordValue(Math.min(h.getHighestTrackableValue(), (System.nanoTime() - t0) / 1000));
      }
      return new Served(tips, ok, h);
    }, thread);
    served.whenComplete((s, e) -> thread.shutdown());
    return served;
  }
}
