package dev.tipflood.server.storage;

import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipStatus;
import java.util.HashMap;
import java.util.Map;
import org.agrona.collections.Long2LongHashMap;

/**
 * Where each stored tip's record starts in the journal, and the tip's latest durable status: one
 * primitive hash-map entry (16 bytes) per tip, with no object per tip. A flood keeps millions of
 * tips; when each was a graph of objects (and later a byte array), G1 spent 15-30% of the
 * server's CPU tracing and copying them.
 *
 * <p>The map's key is the id's last 64 bits (16 hex digits: the low byte of the timestamp and
 * 56 random bits). An id whose key another stored id already has is kept in a small overflow map
 * instead, so every stored id stays findable. A lookup of an id that was never stored can still
 * meet another id's entry, so whoever reads the record compares its id (see
 * {@link JournalTipStore#find}).
 *
 * <p>Thread-safe: writers are the event loops (new tips) and the journal thread (status changes),
 * readers the storage workers. The entries are split by key over {@link #SHARDS} independently
 * locked maps: a map doubles by rehashing every entry under its lock, which for one map of 2.7
 * million entries took 80 ms, an event-loop stall; a shard holds 1/64 of them.
 */
final class TipIndex {
  static final long ABSENT = -1;
  static final int SHARDS = 64;
  private static final TipStatus[] STATUSES = TipStatus.values();
  private static final int STATUS_BITS = 8;
  private static final long STATUS_MASK = (1L << STATUS_BITS) - 1;

  private final Shard[] shards = new Shard[SHARDS];

  /** @param expected tips the maps are sized for up front, so they rarely grow during a flood */
  TipIndex(int expected) {
    int perShard = Math.max(1 << 10, (int) Math.min(Integer.MAX_VALUE / 2, 2L * expected / SHARDS));
    for (int i = 0; i < SHARDS; i++) {
      shards[i] = new Shard(perShard);
    }
  }

  /** Receives a stored tip's record offset and status. */
  interface EntryConsumer {
    void accept(long offset, TipStatus status);
  }

  /** Adds a newly stored tip; its record starts at {@code offset} in the journal. */
  void add(TipId id, long offset, TipStatus status) {
    long key = key(id);
    shard(key).add(id, key, (offset << STATUS_BITS) | status.ordinal());
  }

  /** Where the tip's record starts, or {@link #ABSENT}. */
  long offset(TipId id) {
    long value = value(id);
    return value == ABSENT ? ABSENT : value >>> STATUS_BITS;
  }

  /** The tip's latest durable status, or null when the id is not stored. */
  TipStatus status(TipId id) {
    long value = value(id);
    return value == ABSENT ? null : statusOf(value);
  }

  /** Changes a stored tip's status; false when the id is not stored. */
  boolean setStatus(TipId id, TipStatus status) {
    long key = key(id);
    return shard(key).setStatus(id, key, status);
  }

  /** A stored tip's record now starts at {@code offset}, with {@code status}; false when the id is not stored. */
  boolean relocate(TipId id, long offset, TipStatus status) {
    long key = key(id);
    return shard(key).replace(id, key, (offset << STATUS_BITS) | status.ordinal());
  }

  boolean contains(TipId id) {
    return value(id) != ABSENT;
  }

  int size() {
    int size = 0;
    for (Shard s : shards) {
      size += s.size();
    }
    return size;
  }

  /** Calls {@code action} for every stored tip, in no particular order. */
  void forEach(EntryConsumer action) {
    for (Shard s : shards) {
      s.forEach(action);
    }
  }

  private long value(TipId id) {
    long key = key(id);
    return shard(key).value(id, key);
  }

  private Shard shard(long key) {
    return shards[(int) (key & (SHARDS - 1))]; // the low bits are random
  }

  private static TipStatus statusOf(long value) {
    return STATUSES[(int) (value & STATUS_MASK)];
  }

  private static long withStatus(long value, TipStatus status) {
    return (value & ~STATUS_MASK) | status.ordinal();
  }

  /** The id's last 16 hex digits as a long. */
  static long key(TipId id) {
    String v = id.value();
    long key = 0;
    for (int i = v.length() - 16; i < v.length(); i++) {
      key = (key << 4) | Character.digit(v.charAt(i), 16);
    }
    return key;
  }

  /** One lock's share of the entries. */
  private static final class Shard {
    private final Long2LongHashMap entries;
    private Map<TipId, Long> overflow = Map.of();

    Shard(int capacity) {
      entries = new Long2LongHashMap(capacity, 0.65f, ABSENT);
    }

    synchronized void add(TipId id, long key, long value) {
      if (entries.putIfAbsent(key, value) != ABSENT) {
        if (overflow.isEmpty()) {
          overflow = new HashMap<>();
        }
        overflow.put(id, value);
      }
    }

    synchronized long value(TipId id, long key) {
      Long inOverflow = overflow.isEmpty() ? null : overflow.get(id);
      return inOverflow != null ? inOverflow : entries.get(key);
    }

    synchronized boolean setStatus(TipId id, long key, TipStatus status) {
      Long inOverflow = overflow.isEmpty() ? null : overflow.get(id);
      if (inOverflow != null) {
        overflow.put(id, withStatus(inOverflow, status));
        return true;
      }
      long value = entries.get(key);
      if (value == ABSENT) {
        return false;
      }
      entries.put(key, withStatus(value, status));
      return true;
    }

    synchronized boolean replace(TipId id, long key, long value) {
      if (!overflow.isEmpty() && overflow.containsKey(id)) {
        overflow.put(id, value);
        return true;
      }
      if (entries.get(key) == ABSENT) {
        return false;
      }
      entries.put(key, value);
      return true;
    }

    synchronized int size() {
      return entries.size() + overflow.size();
    }

    synchronized void forEach(EntryConsumer action) {
      entries.forEachLong((key, value) -> action.accept(value >>> STATUS_BITS, statusOf(value)));
      overflow.values().forEach(value -> action.accept(value >>> STATUS_BITS, statusOf(value)));
    }
  }
}
