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
 * readers the storage workers; every operation is a short critical section.
 */
final class TipIndex {
  static final long ABSENT = -1;
  private static final TipStatus[] STATUSES = TipStatus.values();
  private static final int STATUS_BITS = 8;

  private final Long2LongHashMap entries;
  private final Map<TipId, Long> overflow = new HashMap<>();

  /** @param expected tips the map is sized for up front, so it rarely grows during a flood */
  TipIndex(int expected) {
    this.entries = new Long2LongHashMap(Math.max(1 << 16, expected * 2), 0.65f, ABSENT);
  }

  /** Adds a newly stored tip; its record starts at {@code offset} in the journal. */
  synchronized void add(TipId id, long offset, TipStatus status) {
    long key = key(id);
    long value = (offset << STATUS_BITS) | status.ordinal();
    if (entries.putIfAbsent(key, value) != ABSENT) {
      overflow.put(id, value);
    }
  }

  /** Where the tip's record starts, or {@link #ABSENT}. */
  synchronized long offset(TipId id) {
    long value = value(id);
    return value == ABSENT ? ABSENT : value >>> STATUS_BITS;
  }

  /** The tip's latest durable status, or null when the id is not stored. */
  synchronized TipStatus status(TipId id) {
    long value = value(id);
    return value == ABSENT ? null : statusOf(value);
  }

  private static TipStatus statusOf(long value) {
    return STATUSES[(int) (value & ((1 << STATUS_BITS) - 1))];
  }

  /** Changes a stored tip's status; false when the id is not stored. */
  synchronized boolean setStatus(TipId id, TipStatus status) {
    Long inOverflow = overflow.get(id);
    if (inOverflow != null) {
      overflow.put(id, withStatus(inOverflow, status));
      return true;
    }
    long key = key(id);
    long value = entries.get(key);
    if (value == ABSENT) {
      return false;
    }
    entries.put(key, withStatus(value, status));
    return true;
  }

  /** Receives a stored tip's record offset and status. */
  interface EntryConsumer {
    void accept(long offset, TipStatus status);
  }

  /** Calls {@code action} for every stored tip, in no particular order. */
  synchronized void forEach(EntryConsumer action) {
    entries.forEachLong((key, value) -> action.accept(value >>> STATUS_BITS, statusOf(value)));
    overflow.values().forEach(value -> action.accept(value >>> STATUS_BITS, statusOf(value)));
  }

  synchronized boolean contains(TipId id) {
    return value(id) != ABSENT;
  }

  synchronized int size() {
    return entries.size() + overflow.size();
  }

  private long value(TipId id) {
    Long inOverflow = overflow.isEmpty() ? null : overflow.get(id);
    return inOverflow != null ? inOverflow : entries.get(key(id));
  }

  private static long withStatus(long value, TipStatus status) {
    return (value & ~((1L << STATUS_BITS) - 1)) | status.ordinal();
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
}
