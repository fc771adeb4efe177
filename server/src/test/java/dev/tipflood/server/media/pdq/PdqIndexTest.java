package dev.tipflood.server.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PdqIndexTest {
  private final SplittableRandom r = new SplittableRandom(13);

  @Test
  void findsAHashAtTheThresholdAndNotOneBitBeyond() {
    PdqIndex index = new PdqIndex();
    PdqHash stored = RandomHashes.random(r);
    index.add(stored, 42);
    PdqHash at = RandomHashes.spread(stored, 31, r);
    PdqHash beyond = RandomHashes.spread(stored, 32, r);
    assertThat(index.query(at, PdqMatching.MAX_DISTANCE)).containsExactly(new PdqIndex.Match(42, stored, 31));
    assertThat(index.query(beyond, PdqMatching.MAX_DISTANCE)).isEmpty();
  }

  @Test
  void returnsEveryMatchNearestFirstOnce() {
    PdqIndex index = new PdqIndex();
    PdqHash base = RandomHashes.random(r);
    index.add(RandomHashes.near(base, 20, r), 3);
    index.add(base, 1);
    index.add(RandomHashes.near(base, 5, r), 2);
    index.add(base, 4);
    List<PdqIndex.Match> hits = index.query(base, PdqMatching.MAX_DISTANCE);
    assertThat(hits).extracting(PdqIndex.Match::id).containsExactly(1L, 4L, 2L, 3L);
    assertThat(hits).extracting(PdqIndex.Match::distance).containsExactly(0, 0, 5, 20);
  }

  @Test
  void aQueryChecksFarFewerCandidatesThanTheIndexHolds() {
    PdqIndex index = new PdqIndex();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      index.add(RandomHashes.random(r), i);
    }
    long examined = 0;
    int queries = 100;
    for (int q = 0; q < queries; q++) {
      examined += index.candidatesExamined(RandomHashes.random(r), PdqMatching.MAX_DISTANCE);
    }
    double perQuery = (double) examined / queries;
    // 16 words x 17 buckets x (n / 65536 entries per bucket): about 830 candidates at 200k.
    System.out.printf("pdq index: %d entries, %.0f candidates checked per query (linear scan: %d)%n", n, perQuery, n);
    assertThat(perQuery).isLessThan(n / 100.0);
  }

  @Test
  void rejectsADistanceItCannotSearchFast() {
    PdqIndex index = new PdqIndex();
    assertThatThrownBy(() -> index.query(RandomHashes.random(r), 64)).hasMessageContaining("0..63");
    assertThatThrownBy(() -> index.query(RandomHashes.random(r), -1)).hasMessageContaining("was -1");
  }

  @Test
  void queriesRunWhileVerdictsAreAdded() throws Exception {
    PdqIndex index = new PdqIndex();
    int n = 20_000;
    List<PdqHash> hashes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      hashes.add(RandomHashes.random(r));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer = pool.submit(() -> {
        for (int i = 0; i < n; i++) {
          index.add(hashes.get(i), i);
        }
      });
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        readers.add(pool.submit(() -> {
          int found = 0;
          for (int i = 0; i < n; i++) {
            // A hash added earlier is found whenever it has been added: never a torn entry.
            int size = index.size();
            if (size > 0) {
              int j = i % size;
              List<PdqIndex.Match> m = index.query(hashes.get(j), 0);
              assertThat(m).extracting(PdqIndex.Match::id).contains((long) j);
              found++;
            }
          }
          return found;
        }));
      }
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Integer> f : readers) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(index.size()).isEqualTo(n);
  }
}
