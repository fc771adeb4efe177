import dev.tipflood.server.storage.JournalTipStore;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Writes a tip journal of N metadata-only tips into DIR through the server's own store (group
 * commit, fsync), as a long-running tip line would have: every tip already reviewed, so a restart
 * replays the journal and resubmits nothing.
 *
 * <pre>java -cp tipflood-server.jar JournalOfSize.java DIR N</pre>
 */
public final class JournalOfSize {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Semaphore inFlight = new Semaphore(16_384); // bounded: the log's batches, not the heap, set the pace
    try (JournalTipStore store = JournalTipStore.open(dir, System.err::println)) {
      Instant at = Instant.parse("2020-05-31T18:00:00Z");
      CompletableFuture<?> last = CompletableFuture.completedFuture(null);
      for (int i = 0; i < n; i++) {
        inFlight.acquire();
        Instant received = at.plusMillis(i);
        TipRecord tip = TipRecord.received(TipId.next(received.toEpochMilli()), received,
            new TipMetadata("a car on fire near Elm St, tip " + i, 32.78, -96.80, received.minusSeconds(60),
                "device-" + (i % 5000)), List.of()).withStatus(TipStatus.REVIEWED);
        last = store.append(tip, Runnable::run).toCompletableFuture().whenComplete((t, e) -> inFlight.release());
      }
      last.join();
      inFlight.acquire(16_384);
      System.out.println("journal: " + n + " tips, " + store.journalStats());
    }
  }
}
