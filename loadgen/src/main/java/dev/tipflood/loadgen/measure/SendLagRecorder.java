package dev.tipflood.loadgen.measure;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * How late the load generator sends: for every request, {@code corrected - raw}, the time from
 * its intended send to its actual send (0 when on time). That is the client's own delay (a cold
 * JIT, a stalled injector, a busy event loop), never the target's. Thread-safe and wait-free on
 * the recording path; one interval histogram per {@link #interval()} call.
 */
public final class SendLagRecorder {
  private final Recorder recorder = new Recorder(1, ClientRecorder.MAX_MICROS, 2);
  private Histogram spare;

  /** Records one request's send lag, in microseconds (clamped to [0, one hour]). */
  public void record(long lagMicros) {
    recorder.recordValue(Math.max(0, Math.min(ClientRecorder.MAX_MICROS, lagMicros)));
  }

  /** What was recorded since the previous call; valid until the next call (it is then reused). */
  public synchronized Histogram interval() {
    spare = recorder.getIntervalHistogram(spare);
    return spare;
  }
}
