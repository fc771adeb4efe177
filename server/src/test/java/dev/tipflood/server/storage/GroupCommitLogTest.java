package dev.tipflood.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitLogTest {
  @TempDir
  Path dir;

  private static byte[] line(String s) {
    return (s + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void eachRecordCompletesWithItsOffsetInTheFile() throws Exception {
    Path file = dir.resolve("j");
    List<Long> offsets = new ArrayList<>();
    JournalStats stats;
    try (GroupCommitLog log = new GroupCommitLog(file, 0)) {
      for (String s : List.of("{\"a\":1}", "{\"bb\":22}", "{\"ccc\":333}")) {
        offsets.add(log.append(line(s)).toCompletableFuture().get(10, TimeUnit.SECONDS));
      }
      stats = log.stats();
    }
    byte[] bytes = Files.readAllBytes(file);
    assertThat(offsets).containsExactly(0L, 8L, 18L);
    assertThat(stats.records()).isEqualTo(3);
    assertThat(stats.commits()).as("one commit each: every append waited for the previous one").isEqualTo(3);
    assertThat(stats.bytes()).isEqualTo(30);
    assertThat(stats.fsyncNanos()).isPositive();
    assertThat(new String(bytes, 18, 12, StandardCharsets.UTF_8)).isEqualTo("{\"ccc\":333}\n");
  }

  @Test
  void aCommitHandsItsCompletionsToEachExecutorInOneTask() throws Exception {
    ExecutorService loopA = Executors.newSingleThreadExecutor(r -> new Thread(r, "loop-a"));
    ExecutorService loopB = Executors.newSingleThreadExecutor(r -> new Thread(r, "loop-b"));
    AtomicInteger tasksA = new AtomicInteger();
    AtomicInteger tasksB = new AtomicInteger();
    Executor countingA = task -> {
      tasksA.incrementAndGet();
      loopA.execute(task);
    };
    Executor countingB = task -> {
      tasksB.incrementAndGet();
      loopB.execute(task);
    };
    CountDownLatch release = new CountDownLatch(1);
    // The first record's completion holds the writer thread, so everything queued meanwhile
    // must go into the next commit together.
    Executor holding = task -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      task.run();
    };
    try (GroupCommitLog log = new GroupCommitLog(dir.resolve("j"), 0)) {
      CompletableFuture<Long> first = log.append(line("{\"first\":0}"), holding).toCompletableFuture();
      List<CompletableFuture<String>> onA = new ArrayList<>();
      List<CompletableFuture<String>> onB = new ArrayList<>();
      await().atMost(10, TimeUnit.SECONDS).until(() -> !first.isDone() && log.healthy() && writerIsHeld(first));
      for (int i = 0; i < 10; i++) {
        onA.add(log.append(line("{\"a\":" + i + "}"), countingA).toCompletableFuture()
            .thenApply(offset -> Thread.currentThread().getName()));
        onB.add(log.append(line("{\"b\":" + i + "}"), countingB).toCompletableFuture()
            .thenApply(offset -> Thread.currentThread().getName()));
      }
      release.countDown();
      first.get(10, TimeUnit.SECONDS);
      for (CompletableFuture<String> f : onA) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("loop-a");
      }
      for (CompletableFuture<String> f : onB) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("loop-b");
      }
      assertThat(tasksA.get()).as("tasks handed to loop A for 10 records of one commit").isEqualTo(1);
      assertThat(tasksB.get()).as("tasks handed to loop B for 10 records of one commit").isEqualTo(1);
      assertThat(log.stats().commits()).as("the first record's commit, then one for the other 20").isEqualTo(2);
      assertThat(log.stats().records()).isEqualTo(21);
    } finally {
      loopA.shutdownNow();
      loopB.shutdownNow();
    }
  }

  /** The first record is on disk and its completion is being handed over (the writer waits in it). */
  private static boolean writerIsHeld(CompletableFuture<Long> first) {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().equals("tipflood-journal"))
        .anyMatch(e -> e.getKey().getState() == Thread.State.TIMED_WAITING
            && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("completeAll")));
  }

  @Test
  void recordsQueuedAfterCloseFailInsteadOfHanging() throws Exception {
    GroupCommitLog log = new GroupCommitLog(dir.resolve("j"), 0);
    log.append(line("{\"x\":1}")).toCompletableFuture().get(10, TimeUnit.SECONDS);
    log.close();
    CompletableFuture<Long> late = log.append(line("{\"y\":2}")).toCompletableFuture();
    assertThat(late).isCompletedExceptionally();
  }
}
