package dev.tipflood.server.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The index answers exactly what a linear scan answers, near variants included. */
class PdqIndexPropertyTest {

  @Property(tries = 60)
  void indexQueryEqualsALinearScan(@ForAll long seed, @ForAll @IntRange(min = 0, max = 63) int maxDistance,
                                   @ForAll @IntRange(min = 1, max = 400) int stored,
                                   @ForAll @IntRange(min = 1, max = 64) int minTail) {
    SplittableRandom r = new SplittableRandom(seed);
    // A small tail: entries are spread over the compact tables and the chained tail, as at 1M.
    PdqIndex index = new PdqIndex(16, minTail);
    List<PdqHash> hashes = new ArrayList<>();
    for (int i = 0; i < stored; i++) {
      // Clusters of near variants, so matches exist at every distance around the threshold.
      PdqHash h = i > 0 && r.nextInt(3) > 0
          ? variant(hashes.get(r.nextInt(hashes.size())), r)
          : RandomHashes.random(r);
      hashes.add(h);
      index.add(h, i);
    }
    for (int q = 0; q < 20; q++) {
      PdqHash query = r.nextInt(4) == 0 ? RandomHashes.random(r) : variant(hashes.get(r.nextInt(stored)), r);
      assertThat(index.query(query, maxDistance)).isEqualTo(scan(hashes, query, maxDistance));
    }
  }

  private static PdqHash variant(PdqHash h, SplittableRandom r) {
    int flips = r.nextInt(70);
    return r.nextBoolean() ? RandomHashes.near(h, flips, r) : RandomHashes.spread(h, flips, r);
  }

  private static List<PdqIndex.Match> scan(List<PdqHash> hashes, PdqHash query, int maxDistance) {
    List<PdqIndex.Match> out = new ArrayList<>();
    for (int i = 0; i < hashes.size(); i++) {
      int d = hashes.get(i).hammingDistance(query);
      if (d <= maxDistance) {
        out.add(new PdqIndex.Match(i, hashes.get(i), d));
      }
    }
    out.sort(Comparator.comparingInt(PdqIndex.Match::distance).thenComparingLong(PdqIndex.Match::id));
    return out;
  }
}
