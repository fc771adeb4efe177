package dev.tipflood.server.defence.triage.similar;

import dev.tipflood.server.media.pdq.PdqHash;
import dev.tipflood.server.media.pdq.PdqIndex;
import dev.tipflood.server.media.pdq.PdqMatching;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Groups near-duplicate tips that nobody has judged junk: several witnesses filming one incident.
 * A tip whose media is within the match distance of a recent tip's joins that tip's group; it is
 * never refused or down-ranked for it (only resemblance to reviewer-confirmed junk counts against
 * a tip). Bounded: two generations of {@code perGeneration} hashes each; when the young one fills,
 * the old one is dropped. Thread-safe.
 */
final class WitnessGroups {
  private final int perGeneration;
  private final AtomicLong ids = new AtomicLong();
  private volatile Generation young = new Generation();
  private volatile Generation old = new Generation();
  private final AtomicLong grouped = new AtomicLong();

  private static final class Generation {
    final PdqIndex index = new PdqIndex();
    final Map<Long, String> groupOf = new ConcurrentHashMap<>();
  }

  WitnessGroups(int perGeneration) {
    this.perGeneration = perGeneration;
  }

  /** The group of the nearest recent tip within the match distance of any of {@code hashes}, or null. */
  String groupOf(List<PdqHash> hashes) {
    for (Generation g : List.of(young, old)) {
      for (PdqHash h : hashes) {
        List<PdqIndex.Match> hits = g.index.query(h, PdqMatching.MAX_DISTANCE);
        if (!hits.isEmpty()) {
          return g.groupOf.get(hits.get(0).id());
        }
      }
    }
    return null;
  }

  /** A stored tip's hashes join {@code group} (its own id when it joined none). */
  synchronized void add(List<PdqHash> hashes, String group, boolean joined) {
    if (young.index.size() >= perGeneration) {
      old = young;
      young = new Generation();
    }
    for (PdqHash h : hashes) {
      long id = ids.incrementAndGet();
      young.groupOf.put(id, group);
      young.index.add(h, id);
    }
    if (joined) {
      grouped.incrementAndGet();
    }
  }

  /** Tips that joined an earlier tip's group. */
  long grouped() {
    return grouped.get();
  }
}
