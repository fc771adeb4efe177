package dev.tipflood.bench;

import dev.tipflood.server.media.pdq.PdqHash;
import dev.tipflood.server.media.pdq.PdqIndex;
import dev.tipflood.server.media.pdq.PdqMatching;
import java.util.List;
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
 * One blocklist lookup (distance <= 31) in a {@link PdqIndex} of {@code entries} random hashes
 * (100k, 1M). {@code miss}: an unrelated picture, the path every legit upload takes.
 * {@code hit}: a near variant (20 bits flipped) of a listed hash. Queries cycle through 4096
 * prepared hashes, so buckets are not all in cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PdqLookupBenchmark {
  private static final int QUERIES = 4096;

  @Param({"100000", "1000000"})
  public int entries;

  private PdqIndex index;
  private PdqHash[] misses;
  private PdqHash[] hits;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    index = new PdqIndex(entries);
    PdqHash[] stored = new PdqHash[entries];
    for (int i = 0; i < entries; i++) {
      stored[i] = random(r);
      index.add(stored[i], i);
    }
    misses = new PdqHash[QUERIES];
    hits = new PdqHash[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      misses[i] = random(r);
      PdqHash h = stored[r.nextInt(entries)];
      for (int f = 0; f < 20; f++) {
        h = h.flip(r.nextInt(PdqHash.BITS));
      }
      hits[i] = h;
      if (index.query(h, PdqMatching.MAX_DISTANCE).isEmpty()) {
        throw new IllegalStateException("a near variant was not found: the benchmark would measure nothing");
      }
    }
  }

  @Benchmark
  public List<PdqIndex.Match> miss() {
    next = (next + 1) & (QUERIES - 1);
    return index.query(misses[next], PdqMatching.MAX_DISTANCE);
  }

  @Benchmark
  public List<PdqIndex.Match> hit() {
    next = (next + 1) & (QUERIES - 1);
    return index.query(hits[next], PdqMatching.MAX_DISTANCE);
  }

  private static PdqHash random(SplittableRandom r) {
    return PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
  }
}
