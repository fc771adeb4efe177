package dev.tipflood.loadgen.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.loadgen.measure.AckedTipLog;
import dev.tipflood.loadgen.measure.ClassKey;
import dev.tipflood.loadgen.measure.TimeSource;
import dev.tipflood.loadgen.plan.ClientBehaviour;
import dev.tipflood.loadgen.plan.IdentityPlan;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.MetadataRealism;
import dev.tipflood.loadgen.plan.PopulationPlan;
import dev.tipflood.loadgen.plan.RetryPolicy;
import dev.tipflood.loadgen.run.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end of a run: Gatling's hard stop calls {@code after()} while answers still arrive. An
 * answer is booked into every client log, or into none.
 */
class ClientRuntimeTest {
  private static final ClassKey KEY = new ClassKey("fans", "submit-tip", "201");
  private static final AckedTipLog.Entry ENTRY = new AckedTipLog.Entry("0123456789abcdef0123456789", "fans", 0, 1, List.of());

  private static ClientRuntime runtime(Path dir) {
    PopulationPlan fans = new PopulationPlan("fans", "junk", List.of(1), List.of(0L), new IdentityPlan(1, 0, 1, false),
        new MetadataRealism(0, 0, 0, null), new ClientBehaviour(1000, RetryPolicy.NONE, 0), List.of(List.of()));
    return new ClientRuntime(new LoadPlan("t", 1, "http://127.0.0.1:1", 1, 0, dir.toString(), List.of(fans)),
        TimeSource.SYSTEM);
  }

  private static String answer(ClientRuntime rt, String session) {
    rt.recorder.record(KEY, 20, 10);
    rt.acknowledged(ENTRY);
    return session + " booked";
  }

  @Test
  void stopWaitsForAnAnswerBeingBookedWhichThenLandsInEveryLog(@TempDir Path dir) throws Exception {
    ClientRuntime rt = runtime(dir);
    rt.start();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> booking = CompletableFuture.supplyAsync(() -> rt.book("s", s -> {
      rt.recorder.record(KEY, 20, 10);
      inside.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      rt.acknowledged(ENTRY);
      return s + " booked";
    }));
    assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> stop = CompletableFuture.runAsync(rt::stop);
    // Without the wait, stop() closes both logs at once and the answer's acked line then fails or is lost.
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !stop.isDone());
    assertThat(rt.open()).isFalse();
    release.countDown();
    assertThat(booking.get(30, TimeUnit.SECONDS)).isEqualTo("s booked");
    stop.get(30, TimeUnit.SECONDS);

    assertThat(AckedTipLog.read(dir.resolve(AckedTipLog.FILE))).containsExactly(ENTRY);
    assertThat(RunSummary.totals(dir.resolve("latency-corrected.hlog")).get(KEY).getTotalCount()).isEqualTo(1);
    assertThat(RunSummary.totals(dir.resolve("latency-raw.hlog")).get(KEY).getTotalCount()).isEqualTo(1);
  }

  @Test
  void anAnswerAfterStopIsBookedNowhere(@TempDir Path dir) throws Exception {
    ClientRuntime rt = runtime(dir);
    rt.start();
    assertThat(rt.book("s", s -> answer(rt, s))).isEqualTo("s booked");
    rt.stop();
    AtomicBoolean ran = new AtomicBoolean();
    assertThat(rt.book("late", s -> {
      ran.set(true);
      return answer(rt, s);
    })).isEqualTo("late");
    assertThat(ran).isFalse();
    assertThat(AckedTipLog.read(dir.resolve(AckedTipLog.FILE))).hasSize(1);
    assertThat(RunSummary.totals(dir.resolve("latency-corrected.hlog")).get(KEY).getTotalCount()).isEqualTo(1);
  }
}
