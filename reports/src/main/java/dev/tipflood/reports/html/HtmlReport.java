package dev.tipflood.reports.html;

import static dev.tipflood.reports.html.Html.esc;

import dev.tipflood.reports.analysis.ClassReport;
import dev.tipflood.reports.analysis.DefenceDecision;
import dev.tipflood.reports.analysis.Degradation;
import dev.tipflood.reports.analysis.Headline;
import dev.tipflood.reports.analysis.Percentiles;
import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.Scorecard;
import dev.tipflood.reports.analysis.SloVerdict;
import dev.tipflood.reports.analysis.StatusReasons;
import dev.tipflood.reports.analysis.TimedEvent;
import dev.tipflood.reports.analysis.Unavailability;
import dev.tipflood.reports.analysis.Units;
import dev.tipflood.reports.analysis.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page for people. Charts are inline SVG, styles are
 * inline, and there is no script and no reference to anything outside the file, so it opens
 * the same from a CI artifact, an e-mail or a laptop without network.
 */
public final class HtmlReport {
  /** The stylesheet every tipflood page shares (report, capacity, compare). */
  public static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:24px auto;max-width:1240px;
      color:#222;padding:0 16px;line-height:1.4}
      h1{font-size:1.6em;margin-bottom:4px}h2{font-size:1.2em;margin-top:28px;border-bottom:1px solid #ccc;padding-bottom:4px}
      .meta{color:#555;font-size:.9em}
      .headline{font-size:1.15em;padding:12px 16px;border-left:6px solid;margin:16px 0}
      .held{border-color:#009E73;background:#eef8f4}.failed{border-color:#D55E00;background:#fcf0ea}
      table{border-collapse:collapse;margin:8px 0;font-size:.92em}
      th,td{border:1px solid #ccc;padding:4px 8px;text-align:right;vertical-align:top}
      th{background:#f3f3f3}td.l,th.l{text-align:left}
      .pass{color:#006b4f;font-weight:bold}.fail{color:#b03a00;font-weight:bold}.nm{color:#666}
      .worst td{background:#fff3ee}
      figure{margin:18px 0}figcaption{color:#444;font-size:.9em;max-width:1100px}
      svg{max-width:100%;height:auto}
      .note{color:#555;font-size:.88em}
      """;

  private HtmlReport() {
  }

  public static String of(RunAnalysis a) {
    StringBuilder b = new StringBuilder(1 << 16);
    var r = a.run();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>tipflood: ").append(esc(r.scenario())).append(" on ").append(esc(r.profile())).append("</title>")
        .append("<style>").append(CSS).append("</style></head><body>\n");
    b.append("<h1>").append(esc(r.scenario())).append(" on ").append(esc(r.profile())).append("</h1>\n");
    b.append("<p class=\"meta\">").append(esc(String.format(Locale.ROOT,
        "target %s · scale %s · schedule %.0f s · run status %s · started %s", r.target(), r.scale(), r.durationSeconds(),
        r.status(), r.startedAt()))).append("<br>").append(esc(r.directory())).append("</p>\n");
    b.append("<p class=\"headline ").append(a.slosPassed() ? "held" : "failed").append("\">")
        .append(esc(Headline.of(a))).append("</p>\n");
    slos(b, a);
    score(b, a.scorecard());
    classes(b, a);
    decisions(b, a.decisions());
    events(b, a);
    b.append("<h2>Over time</h2>\n");
    for (Figure f : new Charts(a).all()) {
      b.append("<figure id=\"").append(esc(f.id())).append("\" data-points=\"").append(f.points()).append("\">")
          .append(f.svg()).append("<figcaption>").append(esc(f.caption())).append("</figcaption></figure>\n");
    }
    notes(b, a);
    b.append("</body></html>\n");
    return b.toString();
  }

  private static void slos(StringBuilder b, RunAnalysis a) {
    b.append("<h2>SLOs</h2>\n<table><tr><th class=\"l\">SLO</th><th class=\"l\">what</th><th>bound</th><th>measured</th>")
        .append("<th>verdict</th><th class=\"l\">how</th></tr>\n");
    for (SloVerdict v : a.slos()) {
      String cls = v.verdict() == Verdict.PASS ? "pass" : v.verdict() == Verdict.FAIL ? "fail" : "nm";
      b.append("<tr><td class=\"l\">").append(esc(v.slo())).append("</td><td class=\"l\">").append(esc(v.title()))
          .append("</td><td>").append(esc(v.comparison() + " " + Units.format(v.bound(), v.unit()))).append("</td><td>")
          .append(esc(Units.format(v.measured(), v.unit()))).append("</td><td class=\"").append(cls).append("\">")
          .append(v.verdict().id().toUpperCase(Locale.ROOT)).append("</td><td class=\"l\">").append(esc(v.detail()))
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static void score(StringBuilder b, Scorecard s) {
    b.append("<h2>Scorecard against ground truth</h2>\n<table>");
    row(b, "worst", "legit tips rejected, failed or lost (the worst outcome)", count(s.legitNotAccepted(), s.legitOffered()));
    row(b, "worst", "&nbsp;&nbsp;rejected (an error answer)", count(s.legitRejected(), s.legitOffered()));
    row(b, "worst", "&nbsp;&nbsp;failed (timeout, connection error)", count(s.legitFailed(), s.legitOffered()));
    row(b, "worst", "&nbsp;&nbsp;lost (no answer when the run stopped)", count(s.legitLost(), s.legitOffered()));
    row(b, "", "legit goodput (accepted within the latency SLO)", count(s.legitGoodput(), s.legitOffered()));
    row(b, "", "junk tips accepted", count(s.junkAccepted(), s.junkOffered()));
    if (s.hasServerData()) {
      row(b, "", "junk bytes stored", esc(Units.format(s.junkBytesStored(), "bytes") + " ("
          + Units.format(s.junkStorageShare(), "ratio") + " of stored media bytes)"));
      row(b, "", "reviewer time spent on junk", esc(Units.format(s.reviewerJunkSeconds(), "s") + " of "
          + Units.format(s.reviewerSeconds(), "s")));
    } else {
      row(b, "", "junk bytes stored, reviewer time", "not measured (no server data)");
    }
    b.append("</table>\n");
  }

  private static String count(long n, long of) {
    return of == 0 ? Long.toString(n) : String.format(Locale.ROOT, "%d of %d (%.1f%%)", n, of, 100.0 * n / of);
  }

  private static void row(StringBuilder b, String cls, String labelHtml, String value) {
    b.append("<tr").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append("><td class=\"l\">").append(labelHtml)
        .append("</td><td>").append(value).append("</td></tr>\n");
  }

  private static void classes(StringBuilder b, RunAnalysis a) {
    b.append("<h2>Per class</h2>\n<table><tr><th class=\"l\">class</th><th>planned</th><th>offered</th><th>accepted</th>")
        .append("<th>rejected</th><th>failed</th><th>lost</th><th>requests (retries)</th><th>goodput</th>")
        .append("<th>deferred (media later)</th></tr>\n");
    for (ClassReport c : a.classes()) {
      b.append("<tr><td class=\"l\">").append(esc(c.name() + " (" + c.truth() + ")")).append("</td><td>").append(c.planned())
          .append("</td><td>").append(c.offered()).append("</td><td>").append(c.accepted()).append("</td><td>")
          .append(c.rejected()).append(breakdown(withReasons(c.rejectedByStatus()))).append("</td><td>").append(c.failed())
          .append(breakdown(c.failedByKind())).append("</td><td>").append(c.lost()).append("</td><td>").append(c.requests())
          .append(" (").append(c.retries()).append(")</td><td>").append(c.goodput()).append("</td><td>")
          .append(c.deferred().tips()).append(" (").append(c.deferred().mediaLater()).append(")</td></tr>\n");
    }
    b.append("</table>\n<table><tr><th class=\"l\">accepted tip latency</th><th>n</th><th>p50</th><th>p90</th><th>p99</th>")
        .append("<th>p99.9</th><th>max</th></tr>\n");
    for (ClassReport c : a.classes()) {
      latencyRow(b, c.name() + " corrected", c.acceptedLatency().corrected());
      latencyRow(b, c.name() + " raw", c.acceptedLatency().raw());
    }
    latencyRow(b, "all legit, corrected", a.legitLatency().corrected());
    b.append("</table>\n<table><tr><th class=\"l\">time to review</th><th>reviewed</th><th>wrong verdicts</th><th>p50</th>")
        .append("<th>p95</th><th>p99</th><th>max</th><th>expired unreviewed</th>")
        .append("</tr>\n");
    for (ClassReport c : a.classes()) {
      var t = c.timeToReview();
      b.append("<tr><td class=\"l\">").append(esc(c.name() + " (" + c.truth() + " tips)")).append("</td><td>")
          .append(t.total()).append("</td><td>").append(t.wrong()).append("</td><td>")
          .append(esc(Units.format(t.ttrP50Ms(), "ms"))).append("</td><td>").append(esc(Units.format(t.ttrP95Ms(), "ms")))
          .append("</td><td>").append(esc(Units.format(t.ttrP99Ms(), "ms"))).append("</td><td>")
          .append(esc(Units.format(t.ttrMaxMs(), "ms"))).append("</td><td>").append(t.expired())
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static Map<String, Long> withReasons(Map<String, Long> byStatus) {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    byStatus.forEach((status, n) -> out.put(StatusReasons.of(status).isEmpty() ? status
        : status + " " + StatusReasons.of(status), n));
    return out;
  }

  private static String breakdown(Map<String, Long> m) {
    if (m.isEmpty()) {
      return "";
    }
    return "<br><span class=\"note\">" + esc(m.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
        .collect(Collectors.joining("; "))) + "</span>";
  }

  private static void latencyRow(StringBuilder b, String label, Percentiles p) {
    b.append("<tr><td class=\"l\">").append(esc(label)).append("</td><td>").append(p.count()).append("</td>");
    for (double v : new double[] {p.p50Ms(), p.p90Ms(), p.p99Ms(), p.p999Ms(), p.maxMs()}) {
      b.append("<td>").append(esc(Units.format(v, "ms"))).append("</td>");
    }
    b.append("</tr>\n");
  }

  private static void decisions(StringBuilder b, List<DefenceDecision> decisions) {
    b.append("<h2>Decisions of defences and limits</h2>\n");
    if (decisions.isEmpty()) {
      b.append("<p class=\"note\">No server data (a --target run): only the client's view, above.</p>\n");
      return;
    }
    b.append("<table><tr><th class=\"l\">defence or limit</th><th>requests refused</th><th class=\"l\">from</th></tr>\n");
    for (DefenceDecision d : decisions) {
      b.append("<tr><td class=\"l\">").append(esc(d.defence())).append("</td><td>").append(d.count())
          .append("</td><td class=\"l\">").append(esc("timeline " + d.source())).append("</td></tr>\n");
    }
    b.append("</table>\n<p class=\"note\">The client's view of every refusal is in the per-class table (rejected, by status)."
        + "</p>\n");
  }

  /** One row of the events table; rows without a time (never, not seen) go last. */
  private record EventRow(double second, String when, String what, String offered) {
  }

  private static void events(StringBuilder b, RunAnalysis a) {
    Degradation d = a.degradation();
    List<EventRow> rows = new java.util.ArrayList<>();
    rows.add(event("first SLO breach", d.firstSloBreach()));
    if (d.firstReadyFailure().isEmpty() && !Headline.readyProbed(a)) {
      rows.add(new EventRow(Double.MAX_VALUE, "–", "/ready: not probed (no server/ready.ndjson in this run)", ""));
    } else {
      rows.add(event("/ready first failed", d.firstReadyFailure()));
    }
    for (Unavailability u : d.unavailable()) {
      rows.add(new EventRow(u.fromSecond(), u.fromSecond() + "–" + u.toSecond(),
          "unavailable for " + u.seconds() + " s: " + u.reason(), ""));
    }
    rows.add(new EventRow(d.floodEndSecond(), Integer.toString(d.floodEndSecond()), "flood ends (last junk arrival)", ""));
    if (d.recoverySeconds().isPresent()) {
      int at = d.floodEndSecond() + d.recoverySeconds().getAsInt();
      rows.add(new EventRow(at, Integer.toString(at), "recovery time after the flood: " + d.recoverySeconds().getAsInt() + " s",
          ""));
    } else if (d.unavailable().isEmpty()) {
      rows.add(new EventRow(Double.MAX_VALUE, "–", "never unavailable: nothing to recover from", ""));
    } else {
      rows.add(new EventRow(Double.MAX_VALUE, "–", "not seen to recover before the data ends (second "
          + d.lastObservedSecond() + ")", ""));
    }
    int after = d.loadEndSecond() + a.settings().metastableAfterSeconds();
    rows.add(new EventRow(after, Integer.toString(after), switch (d.metastability()) {
      case METASTABLE -> "METASTABLE: still unavailable " + a.settings().metastableAfterSeconds() + " s after the last arrival";
      case STABLE -> "not metastable: available " + a.settings().metastableAfterSeconds() + " s after the last arrival";
      default -> "metastability unknown: the data ends too soon after the load";
    }, ""));
    rows.sort(java.util.Comparator.comparingDouble(EventRow::second));
    b.append("<h2>Degradation events</h2>\n<table><tr><th>second</th><th class=\"l\">event</th><th>offered then (tips/s)</th>")
        .append("</tr>\n");
    for (EventRow r : rows) {
      b.append("<tr><td>").append(esc(r.when())).append("</td><td class=\"l\">").append(esc(r.what())).append("</td><td>")
          .append(esc(r.offered())).append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static EventRow event(String label, Optional<TimedEvent> e) {
    return e.map(v -> new EventRow(v.second(), String.format(Locale.ROOT, "%.0f", v.second()), label + ": " + v.what(),
            String.format(Locale.ROOT, "%.0f", v.offeredPerSecond())))
        .orElse(new EventRow(Double.MAX_VALUE, "–", label + ": never", ""));
  }

  private static void notes(StringBuilder b, RunAnalysis a) {
    var s = a.settings();
    b.append("<h2>How to read this</h2>\n<p class=\"note\">Every tip started ends accepted, rejected (an error answer after its "
        + "retries), failed (timeout or connection error) or lost (no answer when the run stopped). Latencies are merged by "
        + "adding HdrHistograms, never by averaging percentiles; corrected latency counts from the intended send time. "
        + "A second is unavailable when /ready failed in it, or when more than ").append(Math.round(s.errorShare() * 100))
        .append("% (and at least ").append(s.minErrors()).append(") of the requests that ended in it failed. Recovered: "
        + "available from then to the end of the data, for at least ").append(s.settleSeconds()).append(" s. Metastable: "
        + "unavailable ").append(s.metastableAfterSeconds()).append(" s or more after the last arrival. Scale ")
        .append(a.run().scale()).append(": byte sizes and bandwidths are scaled by it, times and counts are not. "
        + "See docs/report.md.</p>\n");
  }
}
