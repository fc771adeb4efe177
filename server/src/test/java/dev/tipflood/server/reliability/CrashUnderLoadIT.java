package dev.tipflood.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.storage.JournalTipStore;
import dev.tipflood.server.testing.AckedTips;
import dev.tipflood.server.testing.ServerProcess;
import dev.tipflood.server.testing.TipClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes under load: the shaded server jar, as a child JVM, takes concurrent uploads and is
 * killed with SIGKILL at a seeded random moment (after a random number of acknowledgements),
 * three times, restarting each time on the same data directory. Then a crash mid-write is
 * staged on top (a torn record at the journal's end). The last restart must report the tear,
 * and show every tip any client saw acknowledged, intact by SHA-256, with no media file that no
 * visible tip owns and no temp file left.
 */
class CrashUnderLoadIT {
  private static final long SEED = 20_261_204L;
  private static final int CRASHES = 3;
  private static final int CLIENTS = 4;
  private static final int MAX_REQUESTS_PER_CLIENT = 400;
  private static final String PROFILE = "tipline";

  private final TipClient client = new TipClient(Duration.ofSeconds(10));
  private final AckedTips acked = new AckedTips();

  @TempDir
  Path root;

  @Test
  void everyAcknowledgedTipSurvivesThreeKillNinesAndATornTail() throws Exception {
    Path data = root.resolve("data");
    Path stderr = root.resolve("server.stderr");
    Random random = new Random(SEED);
    for (int crash = 1; crash <= CRASHES; crash++) {
      long started = System.nanoTime();
      try (ServerProcess server = ServerProcess.start(data, PROFILE, "t", stderr)) {
        System.out.printf("crash-under-load: start %d took %d ms with %d tips acknowledged so far%n", crash,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), acked.size());
        int killAfter = acked.size() + 20 + random.nextInt(100);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          Random own = new Random(random.nextLong());
          clients.add(load.submit(() -> postUntilStopped(server.port(), own, stop)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= killAfter);
        server.kill9();
        stop.set(true);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).as("load clients stopped").isTrue();
        for (Future<?> f : clients) {
          f.get(); // a client that failed on its own (not a reset) fails the test
        }
      }
    }
    Path journal = data.resolve(JournalTipStore.FILE_NAME);
    int tornBytes = tearTheTail(journal);
    try (ServerProcess server = ServerProcess.start(data, PROFILE, "t", stderr)) {
      assertThat(Files.readString(stderr)).as("the restart reports the tear")
          .contains("cut a torn last record").contains("(" + tornBytes + " bytes)");
      acked.assertAllIntact(client, server.port(), data);
      System.out.printf("crash-under-load: %d acknowledged tips intact after %d kill -9 and a torn tail%n",
          acked.size(), CRASHES);
    }
  }

  private Void postUntilStopped(int port, Random random, AtomicBoolean stop) throws Exception {
    for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && !stop.get(); i++) {
      TipClient.Posted p = client.post(port, TipClient.photo(random, 10_000 + random.nextInt(50_000)));
      acked.record(p);
    }
    return null;
  }

  /**
   * Writes the first half of a copy of the last record where the records end (at the first zero
   * byte of the preallocated tail, or the file's end), as a crash during that write leaves it.
   */
  private static int tearTheTail(Path journal) throws IOException {
    byte[] all = Files.readAllBytes(journal);
    int end = 0;
    while (end < all.length && all[end] != 0) {
      end++;
    }
    String records = new String(all, 0, end, StandardCharsets.UTF_8);
    String last = records.substring(records.lastIndexOf('\n', records.length() - 2) + 1);
    byte[] torn = last.substring(0, last.length() / 2).getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(torn), end);
      ch.force(true);
    }
    return torn.length;
  }
}
