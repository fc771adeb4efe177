package dev.tipflood.loadgen.measure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Marks the load generator's warm-up: the seconds at the start of a run in which it did not yet
 * send on schedule (a cold JIT, connections being set up). The client is <em>warm</em> from the
 * first of {@link #SECONDS_IN_A_ROW} one-second intervals in a row in which 99% of its requests
 * left within {@link #LAG_LIMIT_MICROS} of their intended send time. Nothing is dropped: the
 * interval is only marked ({@code client/warmup.json}), so a report can show it or leave it out
 * and say so. Feed it every interval in order; intervals without requests (before the first send,
 * gaps in the schedule) neither start nor break a run of good seconds.
 */
public final class WarmUpDetector {
  /** The send lag (99th percentile of an interval) a warm client stays within. */
  public static final long LAG_LIMIT_MICROS = 5_000;
  /** How many good intervals in a row make the client warm. */
  public static final int SECONDS_IN_A_ROW = 3;

  private long firstStartMillis = -1;
  private long candidateStartMillis = -1;
  private int goodInARow;
  private long warmFromMillis = -1;

  /** One interval: its start, how many requests it measured and their 99th-percentile send lag. */
  public void interval(long startMillis, long requests, long p99LagMicros) {
    if (requests == 0 || warmFromMillis >= 0) {
      return;
    }
    if (firstStartMillis < 0) {
      firstStartMillis = startMillis;
    }
    if (p99LagMicros > LAG_LIMIT_MICROS) {
      goodInARow = 0;
      return;
    }
    if (goodInARow++ == 0) {
      candidateStartMillis = startMillis;
    }
    if (goodInARow >= SECONDS_IN_A_ROW) {
      warmFromMillis = candidateStartMillis;
    }
  }

  public boolean warm() {
    return warmFromMillis >= 0;
  }

  /**
   * Seconds from the first interval with requests to the start of the warm ones: what
   * {@code tipflood summarize --skip} takes to leave the warm-up out. The whole measured span if
   * the client never got warm; 0 if no request was measured.
   */
  public double warmUpSeconds(long lastEndMillis) {
    if (firstStartMillis < 0) {
      return 0;
    }
    return ((warm() ? warmFromMillis : lastEndMillis) - firstStartMillis) / 1000.0;
  }

  /** The content of {@code client/warmup.json}. */
  public Map<String, Object> report(long lastEndMillis) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", "the load generator is warm from the first of " + SECONDS_IN_A_ROW
        + " one-second intervals in a row in which 99% of its requests left within "
        + LAG_LIMIT_MICROS / 1000 + " ms of their intended send time");
    m.put("sendLagLimitMicros", LAG_LIMIT_MICROS);
    m.put("secondsInARow", SECONDS_IN_A_ROW);
    m.put("warm", warm());
    m.put("firstIntervalStartMillis", firstStartMillis);
    m.put("warmFromMillis", warmFromMillis);
    m.put("warmUpSeconds", warmUpSeconds(lastEndMillis));
    return m;
  }
}
