package dev.tipflood.server.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The blocklist must hold a million hashes: this one adds 1M and measures the heap the index
 * retains (used heap after a full collection, before and after), then checks that lookups still
 * find a stored hash's near variants.
 */
class PdqIndexMemoryTest {
  private static final int MILLION = 1_000_000;
  /** 40 bytes of hash and id and 64 of chain links an entry, plus up to half again of free room after growth. */
  private static final long MAX_BYTES_PER_ENTRY = 160;

  @Test
  void holdsAMillionHashesInBoundedMemory() {
    SplittableRandom r = new SplittableRandom(1);
    long before = usedAfterGc();
    long start = System.nanoTime();
    PdqIndex index = new PdqIndex();
    PdqHash kept = null;
    for (int i = 0; i < MILLION; i++) {
      PdqHash h = RandomHashes.random(r);
      index.add(h, i);
      if (i == MILLION / 2) {
        kept = h;
      }
    }
    long insertMillis = (System.nanoTime() - start) / 1_000_000;
    long retained = usedAfterGc() - before;
    System.out.printf("pdq index: 1M hashes added in %d ms, retained heap %.1f MB (%d bytes per entry)%n",
        insertMillis, retained / 1e6, retained / MILLION);
    assertThat(index.size()).isEqualTo(MILLION);
    assertThat(index.query(RandomHashes.near(kept, 31, r), PdqMatching.MAX_DISTANCE))
        .extracting(PdqIndex.Match::id).contains((long) MILLION / 2);
    assertThat(retained).isLessThan(MAX_BYTES_PER_ENTRY * MILLION);
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
