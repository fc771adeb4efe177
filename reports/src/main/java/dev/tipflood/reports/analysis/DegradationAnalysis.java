package dev.tipflood.reports.analysis;

import dev.tipflood.reports.rundir.ReadyProbe;
import dev.tipflood.reports.rundir.TaggedInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Unavailability, recovery and metastability (docs/report.md, "Degradation events").
 *
 * <ul>
 *   <li>A second is <em>unavailable</em> when a {@code /ready} probe in it failed, or when more than
 *       {@code errorShare} of the client requests finished in it failed (timeout, connection
 *       error, 5xx) and at least {@code minErrors} did.</li>
 *   <li><em>Recovered</em> at the first second from the flood's end on after which every observed
 *       second is available, for at least {@code settleSeconds}.</li>
 *   <li><em>Metastable</em> when a second at or after {@code loadEnd + metastableAfterSeconds}
 *       is unavailable: the load is gone and the service is still down.</li>
 * </ul>
 */
final class DegradationAnalysis {
  private final AnalysisSettings settings;
  private final int seconds;
  private final long[] requests;
  private final long[] errors;
  private final Map<Integer, ReadyProbe> readyFailures;

  DegradationAnalysis(AnalysisSettings settings, int seconds, List<TaggedInterval> corrected, RunClock clock,
                      Map<Integer, ReadyProbe> readyFailures) {
    this.settings = settings;
    this.seconds = seconds;
    this.requests = new long[seconds];
    this.errors = new long[seconds];
    this.readyFailures = readyFailures;
    for (TaggedInterval i : corrected) {
      String ep = i.tag().request();
      if (!ep.equals("submit-tip") && !ep.equals("submit-tip-retry")) {
        continue;
      }
      int s = clock.second(i);
      if (s < 0 || s >= seconds) {
        continue;
      }
      long n = i.histogram().getTotalCount();
      requests[s] += n;
      if (!i.tag().answered() || i.tag().outcome().startsWith("5")) {
        errors[s] += n;
      }
    }
  }

  /** Why second {@code s} was unavailable, or null when it was available. */
  String unavailableBecause(int s) {
    ReadyProbe p = readyFailures.get(s);
    if (p != null) {
      return "/ready " + p.reason();
    }
    if (errors[s] >= settings.minErrors() && errors[s] > settings.errorShare() * requests[s]) {
      return String.format(java.util.Locale.ROOT, "errors %d of %d requests (%.0f%%)", errors[s], requests[s],
          100.0 * errors[s] / requests[s]);
    }
    return null;
  }

  /**
   * Runs of unavailable seconds; runs less than {@code settleSeconds} apart are one interval (the
   * service had not settled in between). The reason is the first one seen, and the first of the
   * other kind (/ready or errors) when both occurred.
   */
  List<Unavailability> intervals() {
    List<Unavailability> merged = new ArrayList<>();
    for (Unavailability u : runs()) {
      Unavailability prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (prev != null && u.fromSecond() - prev.toSecond() < settings.settleSeconds()) {
        String reason = prev.reason();
        if (!reason.contains("; also ") && kind(reason) != kind(u.reason())) {
          reason = reason + "; also " + u.reason();
        }
        merged.set(merged.size() - 1, new Unavailability(prev.fromSecond(), u.toSecond(), reason));
      } else {
        merged.add(u);
      }
    }
    return merged;
  }

  private static boolean kind(String reason) {
    return reason.startsWith("/ready");
  }

  private List<Unavailability> runs() {
    List<Unavailability> out = new ArrayList<>();
    int s = 0;
    while (s < seconds) {
      String why = unavailableBecause(s);
      if (why == null) {
        s++;
        continue;
      }
      int from = s;
      while (s < seconds && unavailableBecause(s) != null) {
        s++;
      }
      out.add(new Unavailability(from, s, why));
    }
    return out;
  }

  Degradation degradation(Optional<TimedEvent> firstBreach, Optional<TimedEvent> firstReadyFailure, int floodEnd,
                          int loadEnd) {
    int lastBad = -1;
    for (int s = 0; s < seconds; s++) {
      if (unavailableBecause(s) != null) {
        lastBad = s;
      }
    }
    int start = Math.max(floodEnd, lastBad + 1);
    OptionalInt recovery = seconds - start >= settings.settleSeconds() ? OptionalInt.of(start - floodEnd) : OptionalInt.empty();
    Metastability m;
    if (lastBad >= loadEnd + settings.metastableAfterSeconds()) {
      m = Metastability.METASTABLE;
    } else if (recovery.isPresent()) {
      m = Metastability.STABLE;
    } else {
      m = Metastability.UNKNOWN;
    }
    return new Degradation(firstBreach, firstReadyFailure, intervals(), floodEnd, loadEnd, seconds, recovery, m);
  }
}
