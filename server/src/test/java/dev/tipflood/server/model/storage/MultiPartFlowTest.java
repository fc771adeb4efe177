package dev.tipflood.server.model.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.model.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Uploads with several media parts, in virtual time. All parts of one upload share one
 * {@link BandwidthFlow}, and the next part starts writing while the previous one is still held
 * back (the multipart parser hands the next part's bytes on while the last part's pipe waits):
 * every part that waits must be woken, or the upload hangs for ever.
 */
class MultiPartFlowTest {

  private static final long KB = 1_000;
  private static final long CHUNK = 16 * 1024;
  private static final Duration TICK = Duration.ofMillis(20);

  /** One upload: its parts write in order, but a part starts as soon as the one before is handed all its bytes. */
  static final class Upload {
    final BandwidthFlow flow;
    final VirtualScheduler clock;
    final long[] parts;
    final long total;
    int partsDone;
    long finishedAt = -1;

    Upload(StorageBandwidth bandwidth, VirtualScheduler clock, long[] parts) {
      this.flow = bandwidth.open();
      this.clock = clock;
      this.parts = parts.clone();
      long sum = 0;
      for (long p : parts) {
        sum += p;
      }
      this.total = sum;
      clock.execute(() -> startPart(0));
    }

    /** Each part is its own writer (its own pipe), as in the server; the next part starts with no wait. */
    void startPart(int index) {
      if (index >= parts.length) {
        return;
      }
      new Part(index).pump();
    }

    final class Part {
      final int index;
      long written;
      boolean nextStarted;

      Part(int index) {
        this.index = index;
      }

      void pump() {
        while (written < parts[index]) {
          long n = Math.min(CHUNK, parts[index] - written);
          written += n;
          boolean mayGoOn = flow.consume(n);
          if (written == parts[index] && !nextStarted) {
            // The parser has seen this part's end: the next part's bytes follow straight away.
            nextStarted = true;
            clock.execute(() -> startPart(index + 1));
          }
          if (!mayGoOn) {
            flow.whenWritable(this::pump);
            return;
          }
        }
        partDone();
      }

      private void partDone() {
        if (++partsDone == parts.length) {
          finishedAt = clock.nanoTime();
          flow.close();
        }
      }
    }
  }

  private static StorageBandwidth bandwidth(VirtualScheduler clock, long bytesPerSecond) {
    return new StorageBandwidth(clock, new StorageSpec(bytesPerSecond, StorageSpec.UNLIMITED, TICK));
  }

  @Test
  void twoPartsOfOneUploadBothFinish() {
    VirtualScheduler clock = new VirtualScheduler();
    // The reproduction: 600 KB + 50 KB at the tipline profile's 419 KB/s (40 MiB/s x 0.01).
    Upload upload = new Upload(bandwidth(clock, 419 * KB), clock, new long[] {600 * KB, 50 * KB});
    clock.advanceBy(Duration.ofSeconds(30));
    assertThat(upload.finishedAt).as("the upload finished").isPositive();
    assertThat(upload.finishedAt / 1e9).isBetween(650.0 / 419 - 0.1, 650.0 / 419 + 0.1);
  }

  @Test
  void everyWaitingWriterOfAFlowIsWoken() {
    VirtualScheduler clock = new VirtualScheduler();
    StorageBandwidth bw = bandwidth(clock, 100 * KB);
    BandwidthFlow flow = bw.open();
    assertThat(flow.consume(50 * KB)).isFalse();
    List<String> woken = new ArrayList<>();
    flow.whenWritable(() -> woken.add("first part"));
    flow.whenWritable(() -> woken.add("second part"));
    clock.advanceBy(Duration.ofSeconds(2));
    assertThat(woken).containsExactly("first part", "second part");
  }

  @Test
  void closingAFlowWakesItsWaitersInsteadOfDroppingThem() {
    VirtualScheduler clock = new VirtualScheduler();
    BandwidthFlow flow = bandwidth(clock, 100 * KB).open();
    assertThat(flow.consume(500 * KB)).isFalse();
    List<String> woken = new ArrayList<>();
    flow.whenWritable(() -> woken.add("waiter"));
    flow.close();
    clock.runUntilIdle(100);
    assertThat(woken).containsExactly("waiter");
  }

  @Test
  void tenPartsBehindEachOtherFinish() {
    VirtualScheduler clock = new VirtualScheduler();
    long[] parts = new long[10];
    java.util.Arrays.fill(parts, 100 * KB);
    Upload upload = new Upload(bandwidth(clock, 200 * KB), clock, parts);
    clock.advanceBy(Duration.ofSeconds(20));
    assertThat(upload.finishedAt / 1e9).isBetween(4.9, 5.2);
  }

  /** Random uploads, part counts, sizes and bandwidths: each finishes within its fair share's time plus a small slack. */
  @Property(tries = 300, seed = "20200531")
  @Tag("property")
  void everyUploadFinishesWithinItsFairShare(@ForAll("workloads") Workload w) {
    VirtualScheduler clock = new VirtualScheduler();
    StorageBandwidth bw = bandwidth(clock, w.bytesPerSecond());
    List<Upload> uploads = new ArrayList<>();
    long all = 0;
    for (long[] parts : w.uploads()) {
      Upload u = new Upload(bw, clock, parts);
      uploads.add(u);
      all += u.total;
    }
    double tickSeconds = TICK.toNanos() / 1e9;
    // Work-conserving: everything is through by the total over the bandwidth, plus a tick of
    // rounding per upload and the chunk each may overdraw.
    double slack = (uploads.size() + 2) * tickSeconds + uploads.size() * (double) CHUNK / w.bytesPerSecond();
    clock.advanceBy(Duration.ofSeconds((long) Math.ceil(all / (double) w.bytesPerSecond() + slack) + 1));
    int n = uploads.size();
    for (Upload u : uploads) {
      assertThat(u.finishedAt).as("upload of %d parts (%d bytes) at %d B/s finished", u.parts.length, u.total,
          w.bytesPerSecond()).isPositive();
      // Max-min fair: never worse than an equal 1/n share from the start.
      double fairShareBound = u.total / (w.bytesPerSecond() / (double) n) + slack;
      assertThat(u.finishedAt / 1e9).isLessThanOrEqualTo(fairShareBound);
      assertThat(u.finishedAt / 1e9).isLessThanOrEqualTo(all / (double) w.bytesPerSecond() + slack);
    }
    assertThat(bw.activeFlows()).isZero();
  }

  record Workload(long bytesPerSecond, List<long[]> uploads) {}

  @Provide
  Arbitrary<Workload> workloads() {
    Arbitrary<long[]> upload = Arbitraries.longs().between(1, 400 * KB).array(long[].class).ofMinSize(1).ofMaxSize(10);
    return Combinators.combine(
        Arbitraries.longs().between(50 * KB, 5_000 * KB),
        upload.list().ofMinSize(1).ofMaxSize(8)).as(Workload::new);
  }
}
