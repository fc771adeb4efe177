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
 * verifies a few thousand candidates instead of a million.
 *
 * <p>Layout: each word's table is a head array of 65536 entry numbers, and each bucket a chain
 * through the entries, so an entry costs its hash and id (40 bytes) plus 16 chain links (64
 * bytes, one cache line) and adding one allocates nothing (the flat arrays grow by half when
 * full). Thread-safe: queries run concurrently with each other; {@link #add} (reviewer verdicts
 * at run time) takes a short exclusive lock.
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

  /** A stored hash within the asked distance of a query. */
  public record Match(long id, PdqHash hash, int distance) {
  }

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  /** {@code heads[w * 65536 + v]}: the newest entry whose word {@code w} is {@code v}, or {@link #NONE}. */
  private final int[] heads = new int[WORDS * BUCKETS];
  /** {@code next[e * 16 + w]}: the entry after {@code e} in its word-{@code w} bucket, or {@link #NONE}. */
  private int[] next;
  /** {@code hashes[e * 4 + q]}: quarter {@code q} of entry {@code e}'s hash. */
  private long[] hashes;
  private long[] ids;
  private int size;

  /** An empty index that grows as needed. */
  public PdqIndex() {
    this(DEFAULT_CAPACITY);
  }

  /** An empty index with room for {@code expectedSize} entries before it grows (about 100 bytes each). */
  public PdqIndex(int expectedSize) {
    if (expectedSize < 1) {
      throw new IllegalArgumentException("expectedSize must be at least 1, was " + expectedSize);
    }
    Arrays.fill(heads, NONE);
    next = new int[WORDS * expectedSize];
    hashes = new long[4 * expectedSize];
    ids = new long[expectedSize];
  }

  /** Adds a hash under a caller's id (a tip, a verdict, a line of a blocklist file). Duplicates are kept. */
  public void add(PdqHash hash, long id) {
    lock.writeLock().lock();
    try {
      int e = size;
      if (e == ids.length) {
        grow();
      }
      for (int q = 0; q < 4; q++) {
        hashes[4 * e + q] = hash.quarter(q);
      }
      ids[e] = id;
      for (int w = 0; w < WORDS; w++) {
        int bucket = w * BUCKETS + hash.word(w);
        next[e * WORDS + w] = heads[bucket];
        heads[bucket] = e;
      }
      size = e + 1;
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
    int radius = maxDistance / WORDS;
    long q0 = query.quarter(0);
    long q1 = query.quarter(1);
    long q2 = query.quarter(2);
    long q3 = query.quarter(3);
    long examined = 0;
    lock.readLock().lock();
    try {
      for (int w = 0; w < WORDS; w++) {
        for (int probe : WordNeighbours.within(query.word(w), radius)) {
          for (int e = heads[w * BUCKETS + probe]; e != NONE; e = next[e * WORDS + w]) {
            examined++;
            // Reached through an earlier word too: it was checked there already.
            if (foundInEarlierWord(e, w, query, radius)) {
              continue;
            }
            int d = Long.bitCount(hashes[4 * e] ^ q0) + Long.bitCount(hashes[4 * e + 1] ^ q1)
                + Long.bitCount(hashes[4 * e + 2] ^ q2) + Long.bitCount(hashes[4 * e + 3] ^ q3);
            if (d <= maxDistance && out != null) {
              out.add(new Match(ids[e], PdqHash.of(hashes[4 * e], hashes[4 * e + 1], hashes[4 * e + 2],
                  hashes[4 * e + 3]), d));
            }
          }
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return examined;
  }

  /** Whether entry {@code e} was within {@code radius} of the query in some word before {@code w}. */
  private boolean foundInEarlierWord(int e, int w, PdqHash query, int radius) {
    for (int earlier = 0; earlier < w; earlier++) {
      int stored = (int) (hashes[4 * e + (earlier >> 2)] >>> ((earlier & 3) * 16)) & 0xFFFF;
      if (Integer.bitCount(stored ^ query.word(earlier)) <= radius) {
        return true;
      }
    }
    return false;
  }

  private void grow() {
    int capacity = ids.length + (ids.length >> 1) + 1;
    ids = Arrays.copyOf(ids, capacity);
    hashes = Arrays.copyOf(hashes, 4 * capacity);
    next = Arrays.copyOf(next, WORDS * capacity);
  }
}
