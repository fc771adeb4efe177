package dev.tipflood.bench;

import dev.tipflood.server.media.pdq.PdqBlocklist;
import dev.tipflood.server.media.pdq.PdqHash;
import dev.tipflood.server.media.pdq.PdqIndex;
import dev.tipflood.server.media.pdq.PdqResult;
import dev.tipflood.server.media.pdq.PdqViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One upload matched against the junk blocklist with views ({@link PdqBlocklist#match}: its 5
 * view hashes, 5 index lookups) when the blocklist holds {@code hashes} listed hashes in all (100k,
 * 1M), i.e. {@code hashes / 12} junk verdicts of 12 view hashes each (random hashes: the cost of a
 * lookup does not depend on what the pictures show). {@code miss}: an unrelated upload, the path
 * every legit upload takes; {@code hit}: an upload whose whole hash is 20 bits from a listed zoomed view.
 * Compare with {@link PdqLookupBenchmark}, one lookup in one index.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PdqBlocklistBenchmark {
  private static final int QUERIES = 4096;
  private static final int VIEWS = 1 + PdqViews.LISTED_ZOOMS.size() + PdqViews.TOP_SHARES.size();

  @Param({"100000", "1000000"})
  public int hashes;

  private PdqBlocklist blocklist;
  private PdqViews.Query[] misses;
  private PdqViews.Query[] hits;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    blocklist = new PdqBlocklist();
    int verdicts = hashes / VIEWS;
    PdqViews.Listing[] listed = new PdqViews.Listing[verdicts];
    for (int i = 0; i < verdicts; i++) {
      listed[i] = new PdqViews.Listing(results(r, 1 + PdqViews.LISTED_ZOOMS.size()), results(r, PdqViews.TOP_SHARES.size()));
      blocklist.addListing(listed[i], i);
    }
    misses = new PdqViews.Query[QUERIES];
    hits = new PdqViews.Query[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      misses[i] = query(r, result(random(r)));
      PdqHash h = listed[r.nextInt(verdicts)].wholes().get(3).hash();
      for (int f = 0; f < 20; f++) {
        h = h.flip(r.nextInt(PdqHash.BITS));
      }
      hits[i] = query(r, result(h));
      if (blocklist.match(hits[i]).isEmpty()) {
        throw new IllegalStateException("a near variant was not found: the benchmark would measure nothing");
      }
    }
  }

  @Benchmark
  public Optional<PdqIndex.Match> miss() {
    next = (next + 1) & (QUERIES - 1);
    return blocklist.match(misses[next]);
  }

  @Benchmark
  public Optional<PdqIndex.Match> hit() {
    next = (next + 1) & (QUERIES - 1);
    return blocklist.match(hits[next]);
  }

  private static PdqViews.Query query(SplittableRandom r, PdqResult whole) {
    return new PdqViews.Query(whole, result(random(r)), results(r, PdqViews.TOP_SHARES.size()));
  }

  private static List<PdqResult> results(SplittableRandom r, int n) {
    List<PdqResult> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(result(random(r)));
    }
    return out;
  }

  private static PdqResult result(PdqHash h) {
    return new PdqResult(h, 100);
  }

  private static PdqHash random(SplittableRandom r) {
    return PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
  }
}
