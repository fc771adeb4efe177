package dev.tipflood.server.storage;

import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;

/**
 * A tip as {@link JournalTipStore} keeps it in memory: its journal record exactly as written
 * (one byte array, which the garbage collector copies but never has to trace) plus the status and
 * review made durable since. A {@code TipRecord} is ~13 objects; a flood keeps millions of tips in
 * memory, and G1 spent ~30% of the server's CPU tracing and copying them (docs/server.md).
 *
 * @param record the tip's journal line, newline included, as {@link JournalCodec#tip} wrote it
 * @param status the latest durable pipeline status
 * @param review the durable review, or null
 */
record StoredTip(byte[] record, TipStatus status, Review review) {

  static StoredTip received(byte[] record) {
    return new StoredTip(record, TipStatus.RECEIVED, null);
  }

  StoredTip withStatus(TipStatus newStatus) {
    return new StoredTip(record, newStatus, review);
  }

  StoredTip withReview(Review r) {
    return new StoredTip(record, TipStatus.REVIEWED, r);
  }

  /** The full record, decoded from the journal bytes (reads are rare next to writes). */
  TipRecord decode() {
    TipRecord tip = JournalCodec.decodeTip(record);
    if (review != null) {
      tip = tip.withReview(review);
    }
    return tip.status() == status ? tip : tip.withStatus(status);
  }
}
