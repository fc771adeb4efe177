package dev.tipflood.loadgen.measure;

import dev.tipflood.loadgen.client.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** Cumulative per-population counters, for the live progress line. Thread-safe. */
public final class ProgressCounters {
  private final LongAdder tips = new LongAdder();
  private final LongAdder requests = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private final LongAdder ok = new LongAdder();
  private final LongAdder http4xx = new LongAdder();
  private final LongAdder http5xx = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder connectionErrors = new LongAdder();
  private final LongAdder bytesSent = new LongAdder();
  private final LongAdder early = new LongAdder();
  private final LongAccumulator earlyMaxMicros = new LongAccumulator(Math::max, 0);

  public void tipStarted() {
    tips.increment();
  }

  public void requestSent(long bodyBytes) {
    requests.increment();
    bytesSent.add(bodyBytes);
  }

  /** A request left {@code micros} before its intended send time (see {@link SendTiming}). */
  public void sentEarly(long micros) {
    early.increment();
    earlyMaxMicros.accumulate(micros);
  }

  public void completed(Outcome outcome) {
    completed.increment();
    switch (outcome.kind()) {
      case TIMEOUT -> timeouts.increment();
      case CONNECTION_ERROR -> connectionErrors.increment();
      case STATUS -> {
        if (outcome.isSuccess()) {
          ok.increment();
        } else if (outcome.status() >= 500) {
          http5xx.increment();
        } else {
          http4xx.increment();
        }
      }
    }
  }

  /** A snapshot as plain map, in a stable order, for the progress NDJSON. */
  public Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("tips", tips.sum());
    m.put("requests", requests.sum());
    m.put("completed", completed.sum());
    m.put("ok", ok.sum());
    m.put("http4xx", http4xx.sum());
    m.put("http5xx", http5xx.sum());
    m.put("timeout", timeouts.sum());
    m.put("connectionError", connectionErrors.sum());
    m.put("bytesSent", bytesSent.sum());
    m.put("early", early.sum());
    m.put("earlyMaxMicros", earlyMaxMicros.get());
    return m;
  }
}
