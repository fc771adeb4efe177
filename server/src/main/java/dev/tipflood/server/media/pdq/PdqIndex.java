package dev.tipflood.server.media.pdq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A blocklist of PDQ hashes searchable by Hamming distance: multi-index hashing over the 16
 * 16-bit words of a hash, as in Meta's own PDQ index.
 *
 * <p>Why it finds everything: if two hashes differ in at most {@code d} bits, those bits fall in
 * 16 words, so some word differs in at most {@code d / 16} bits (pigeonhole). For the match
 * threshold 31 that is at most one bit: a query looks up, in each word's table, the query's own
 * word and its 16 one-bit neighbours (272 buckets), and checks each hash found there by its full
 * distance. A bucket holds about {@code size / 65536} unrelated hashes, so a query at 1M entries
 * checks about 4,000 candidates instead of a million.
 *
 * <p>Layout: each word's table is compact (CSR: the entry numbers of all buckets in one array,
 * bucket by bucket, and 65,537 offsets), so a bucket is read as one contiguous run. Entries added
 * since the last compaction wait in a small chained tail; when the tail outgrows an eighth of the
 * compact part (and 1,024 entries) the tables are rebuilt by a counting sort, so an add costs
 * amortised O(1) and a lookup reads contiguous memory. About 104 bytes an entry (hash 32, id 8,
 * 16 table slots 64) plus the tail and 8 MB of fixed tables.
 *
 * <p>Thread-safe: queries run concurrently with each other under a read lock; {@link #add}
 * (reviewer verdicts at run time) takes the write lock briefly, and for the rebuild when one is
 * due (tens of milliseconds at 1M entries, every eighth growth).
 *
 * <pre>{@code
 * PdqIndex junk = new PdqIndex();
 * junk.add(verdictHash, tipId);
 * List<PdqIndex.Match> hits = junk.query(candidate, PdqMatching.MAX_DISTANCE);
 * }</pre>
 */
public final class PdqIndex {
  /** Largest distance a query may ask for: beyond it each word table probe fans out too far. */
  public static final int MAX_QUERY_DISTANCE = 63;

  private static final int WORDS = PdqHash.WORDS;
  private static final int BUCKETS = 1 << 16;
  private static final int NONE = -1;
  private static final int DEFAULT_CAPACITY = 1024;
  private static final int DEFAULT_MIN_TAIL = 1024;

  /** A stored hash within the asked distance of a query. */
  public record Match(long id, PdqHash hash, int distance) {
  }

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  /** {@code hashes[e * 4 + q]}: quarter {@code q} of entry {@code e}'s hash. */
  private long[] hashes;
  private long[] ids;
  private int size;
  /** Entries {@code 0 .. compacted-1} are in the compact tables. */
  private int compacted;
  /** {@code offsets[w][v] .. offsets[w][v+1]-1}: where bucket {@code v} of word {@code w} lies in {@code members[w]}. */
  private final int[][] offsets = new int[WORDS][BUCKETS + 1];
  private final int[][] members = new int[WORDS][0];
  /** The tail: {@code tailHeads[w * 65536 + v]}, the newest tail entry with word {@code w} = {@code v}, or {@link #NONE}. */
  private final int[] tailHeads = new int[WORDS * BUCKETS];
  /** {@code tailNext[(e - compacted) * 16 + w]}: the next older tail entry of that bucket, or {@link #NONE}. */
  private int[] tailNext;
  /** The tail is compacted when it holds more than this and more than an eighth of the compact part. */
  private final int minTail;

  /** An empty index that grows as needed. */
  public PdqIndex() {
    this(DEFAULT_CAPACITY);
  }

  /** An empty index with room for {@code expectedSize} hashes before its arrays grow. */
  public PdqIndex(int expectedSize) {
    this(expectedSize, DEFAULT_MIN_TAIL);
  }

  /** With a smaller tail, tests exercise many compactions on few entries. */
  PdqIndex(int expectedSize, int minTail) {
    if (expectedSize < 1) {
      throw new IllegalArgumentException("expectedSize must be at least 1, was " + expectedSize);
    }
    if (minTail < 1) {
      throw new IllegalArgumentException("minTail must be at least 1, was " + minTail);
    }
    this.minTail = minTail;
    tailNext = new int[WORDS * minTail];
    Arrays.fill(tailHeads, NONE);
    hashes = new long[4 * expectedSize];
    ids = new long[expectedSize];
  }

  /** Adds a hash under a caller's id (a tip, a verdict, a line of a blocklist file). Duplicates are kept. */
  public void add(PdqHash hash, long id) {
    lock.writeLock().lock();
    try {
      int e = size;
      if (e == ids.length) {
        int capacity = ids.length + (ids.length >> 1) + 1;
        ids = Arrays.copyOf(ids, capacity);
        hashes = Arrays.copyOf(hashes, 4 * capacity);
      }
      for (int q = 0; q < 4; q++) {
        hashes[4 * e + q] = hash.quarter(q);
      }
      ids[e] = id;
      int t = e - compacted;
      if (WORDS * (t + 1) > tailNext.length) {
        tailNext = Arrays.copyOf(tailNext, 2 * tailNext.length);
      }
      for (int w = 0; w < WORDS; w++) {
        int bucket = w * BUCKETS + hash.word(w);
        tailNext[t * WORDS + w] = tailHeads[bucket];
        tailHeads[bucket] = e;
      }
      size = e + 1;
      if (size - compacted > Math.max(minTail, compacted / 8)) {
        compact();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Number of hashes added. */
  public int size() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Every stored hash within {@code maxDistance} of {@code query}, nearest first (ties by id).
   *
   * @param maxDistance 0..{@link #MAX_QUERY_DISTANCE}; {@link PdqMatching#MAX_DISTANCE} for the match convention
   */
  public List<Match> query(PdqHash query, int maxDistance) {
    List<Match> out = new ArrayList<>();
    search(query, maxDistance, out);
    out.sort(Comparator.comparingInt(Match::distance).thenComparingLong(Match::id));
    return out;
  }

  /**
   * How many stored entries a query checks by full distance (with repeats across words): the
   * work that replaces a linear scan, for tests and benchmarks.
   */
  public long candidatesExamined(PdqHash query, int maxDistance) {
    return search(query, maxDistance, null);
  }

  private long search(PdqHash query, int maxDistance, List<Match> out) {
    if (maxDistance < 0 || maxDistance > MAX_QUERY_DISTANCE) {
      throw new IllegalArgumentException("maxDistance must be 0.." + MAX_QUERY_DISTANCE + ", was " + maxDistance);
    }
    Probe probe = new Probe(query, maxDistance, out);
    lock.readLock().lock();
    try {
      for (int w = 0; w < WORDS; w++) {
        int[] table = members[w];
        int[] bounds = offsets[w];
        for (int value : WordNeighbours.within(query.word(w), maxDistance / WORDS)) {
          for (int i = bounds[value], end = bounds[value + 1]; i < end; i++) {
            probe.check(table[i], w);
          }
          for (int e = tailHeads[w * BUCKETS + value]; e != NONE; e = tailNext[(e - compacted) * WORDS + w]) {
            probe.check(e, w);
          }
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return probe.examined;
  }

  /** One query's state: checks candidates by full distance, once each. */
  private final class Probe {
    private final PdqHash query;
    private final long q0;
    private final long q1;
    private final long q2;
    private final long q3;
    private final int maxDistance;
    private final int radius;
    private final List<Match> out;
    private long examined;

    Probe(PdqHash query, int maxDistance, List<Match> out) {
      this.query = query;
      this.q0 = query.quarter(0);
      this.q1 = query.quarter(1);
      this.q2 = query.quarter(2);
      this.q3 = query.quarter(3);
      this.maxDistance = maxDistance;
      this.radius = maxDistance / WORDS;
      this.out = out;
    }

    void check(int e, int w) {
      examined++;
      int at = 4 * e;
      int d = Long.bitCount(hashes[at] ^ q0) + Long.bitCount(hashes[at + 1] ^ q1)
          + Long.bitCount(hashes[at + 2] ^ q2) + Long.bitCount(hashes[at + 3] ^ q3);
      // Reached through an earlier word too: reported there already.
      if (d <= maxDistance && out != null && !foundInEarlierWord(e, w)) {
        out.add(new Match(ids[e], PdqHash.of(hashes[at], hashes[at + 1], hashes[at + 2], hashes[at + 3]), d));
      }
    }

    private boolean foundInEarlierWord(int e, int w) {
      for (int earlier = 0; earlier < w; earlier++) {
        if (Integer.bitCount(word(e, earlier) ^ query.word(earlier)) <= radius) {
          return true;
        }
      }
      return false;
    }
  }

  private int word(int e, int w) {
    return (int) (hashes[4 * e + (w >> 2)] >>> ((w & 3) * 16)) & 0xFFFF;
  }

  /** Rebuilds every word's compact table over all entries (counting sort) and empties the tail. */
  private void compact() {
    for (int w = 0; w < WORDS; w++) {
      int[] start = new int[BUCKETS + 1];
      for (int e = 0; e < size; e++) {
        start[word(e, w) + 1]++;
      }
      for (int v = 0; v < BUCKETS; v++) {
        start[v + 1] += start[v];
      }
      int[] table = new int[size];
      int[] cursor = Arrays.copyOf(start, BUCKETS);
      for (int e = 0; e < size; e++) {
        table[cursor[word(e, w)]++] = e;
      }
      offsets[w] = start;
      members[w] = table;
    }
    compacted = size;
    Arrays.fill(tailHeads, NONE);
    tailNext = new int[WORDS * (Math.max(minTail, size / 8) + 1)];
  }
}
