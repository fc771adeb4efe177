package dev.tipflood.server.storage;

/**
 * Running totals of the tip journal's group commit, for {@code /metrics}: {@code records /
 * commits} is the mean group size, {@code fsyncNanos / commits} the mean {@code fdatasync} time.
 *
 * @param commits group commits (one write and one {@code fdatasync} each)
 * @param records records made durable
 * @param bytes bytes of records made durable
 * @param fsyncNanos time spent in {@code fdatasync}
 */
public record JournalStats(long commits, long records, long bytes, long fsyncNanos) {}
