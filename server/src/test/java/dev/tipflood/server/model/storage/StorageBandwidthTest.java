package dev.tipflood.server.model.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tipflood.server.model.time.VirtualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StorageBandwidthTest {

  private static final long MB = 1_000_000;
  private final VirtualScheduler clock = new VirtualScheduler();
  private final StorageBandwidth bandwidth =
      new StorageBandwidth(clock, new StorageSpec(40 * MB, StorageSpec.UNLIMITED, Duration.ofMillis(20)));

  /** An upload that writes 64 KB chunks as fast as the bandwidth lets it, up to a size. */
  final class Upload {
    final BandwidthFlow flow = bandwidth.open();
    final long size;
    final long chunk;
    long written;
    long finishedAt = -1;

    Upload(long size, long chunk) {
      this.size = size;
      this.chunk = chunk;
      clock.execute(this::pump);
    }

    void pump() {
      while (written < size) {
        long n = Math.min(chunk, size - written);
        written += n;
        if (!flow.consume(n)) {
          flow.whenWritable(this::pump);
          return;
        }
      }
      finishedAt = clock.nanoTime();
      flow.close();
    }
  }

  @Test
  void aLoneUploadGetsTheWholeBandwidth() {
    Upload upload = new Upload(200 * MB, 64 * 1024);
    clock.advanceBy(Duration.ofSeconds(10));
    assertThat(upload.finishedAt / 1e9).isCloseTo(5.0, within(0.05));
  }

  @Test
  void hungryUploadsShareEvenly() {
    Upload[] uploads = new Upload[4];
    for (int i = 0; i < uploads.length; i++) {
      uploads[i] = new Upload(Long.MAX_VALUE, 64 * 1024);
    }
    clock.advanceBy(Duration.ofSeconds(10));
    long total = 0;
    for (Upload upload : uploads) {
      assertThat((double) upload.written).isCloseTo(100 * MB, within(0.02 * 100 * MB));
      total += upload.written;
    }
    // never more than the bandwidth, plus one tick of banked credit per flow
    assertThat(total).isLessThanOrEqualTo(400 * MB + 4 * bandwidth.budgetPerTick() + 4 * 64 * 1024);
  }

  @Test
  void aSlowClientLeavesItsUnusedShareToTheOthers() {
    Upload hungry = new Upload(Long.MAX_VALUE, 64 * 1024);
    BandwidthFlow trickle = bandwidth.open();
    // a client that can only send 1 MB/s by itself
    long[] trickled = {0};
    Runnable[] send = new Runnable[1];
    send[0] = () -> {
      trickle.consume(100_000);
      trickled[0] += 100_000;
      clock.schedule(100_000_000, send[0]);
    };
    clock.execute(send[0]);
    clock.advanceBy(Duration.ofSeconds(10));
    assertThat((double) trickled[0]).isCloseTo(10 * MB, within(0.2 * MB));
    assertThat((double) hungry.written).isCloseTo(390 * MB, within(0.02 * 390 * MB));
  }

  @Test
  void closedFlowsStopTheTicks() {
    Upload upload = new Upload(MB, 64 * 1024);
    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(upload.finishedAt).isPositive();
    assertThat(bandwidth.activeFlows()).isZero();
    assertThat(clock.pending()).isZero();
  }

  @Test
  void unlimitedBandwidthNeverPauses() {
    StorageBandwidth free = new StorageBandwidth(clock, StorageSpec.unlimited());
    BandwidthFlow flow = free.open();
    assertThat(flow.consume(Long.MAX_VALUE / 2)).isTrue();
    assertThat(clock.pending()).isZero();
    flow.close();
  }
}
