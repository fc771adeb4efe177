package dev.tipflood.reports.check;

import dev.tipflood.reports.analysis.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The check of a run against a baseline: the diff of every metric and the SLOs this run failed.
 *
 * @param baselineName what the baseline is (scenario on profile, and its path)
 * @param nowName      what this run is
 * @param rows         one per metric
 * @param failedSlos   this run's failed SLOs, as {@code slo: measured, bound}
 * @param notes        warnings, e.g. the baseline ran another scenario
 */
public record CheckResult(String baselineName, String nowName, List<MetricComparison> rows, List<String> failedSlos,
                          List<String> notes) {
  public CheckResult {
    rows = List.copyOf(rows);
    failedSlos = List.copyOf(failedSlos);
    notes = List.copyOf(notes);
  }

  public boolean regressed() {
    return rows.stream().anyMatch(MetricComparison::regression);
  }

  public boolean slosFailed() {
    return !failedSlos.isEmpty();
  }

  /** The readable diff: a table of metric, baseline, now, change, tolerance and result. */
  public String table() {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"metric", "baseline", "now", "change", "tolerance", "result"});
    for (MetricComparison r : rows) {
      String unit = r.metric().unit();
      String tol = (r.metric().lowerIsBetter() ? "+" : "-") + r.tolerance();
      cells.add(new String[] {r.metric().id(), Units.format(r.baseline(), unit), Units.format(r.now(), unit), r.change(),
          tol, r.status()});
    }
    int[] width = new int[6];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    b.append("baseline: ").append(baselineName).append('\n').append("now:      ").append(nowName).append('\n');
    notes.forEach(n -> b.append("note: ").append(n).append('\n'));
    for (int r = 0; r < cells.size(); r++) {
      String[] row = cells.get(r);
      for (int i = 0; i < row.length; i++) {
        b.append(i == 0 ? "" : "  ").append(i == 0 || i == 5 ? pad(row[i], width[i]) : lpad(row[i], width[i]));
      }
      b.append('\n');
      if (r == 0) {
        for (int i = 0; i < row.length; i++) {
          b.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        b.append('\n');
      }
    }
    failedSlos.forEach(s -> b.append("SLO failed: ").append(s).append('\n'));
    long n = rows.stream().filter(MetricComparison::regression).count();
    b.append(n == 0 ? "no regression" : n + " regression" + (n == 1 ? "" : "s")).append(slosFailed()
        ? ", " + failedSlos.size() + " SLO" + (failedSlos.size() == 1 ? "" : "s") + " failed" : "").append('\n');
    return b.toString();
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(w - s.length());
  }

  private static String lpad(String s, int w) {
    return " ".repeat(w - s.length()) + s;
  }
}
