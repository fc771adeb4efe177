package dev.tipflood.reports.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tipflood.reports.analysis.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The CI gate: compares a run's {@code summary.json} with a baseline's, metric by metric, within
 * tolerances, and collects the SLOs the run failed.
 *
 * <pre>{@code
 * CheckResult r = Gate.compare(Baseline.load(baselinePath), Baseline.load(runDir), Tolerances.defaults());
 * System.out.print(r.table());
 * }</pre>
 */
public final class Gate {
  private Gate() {
  }

  public static CheckResult compare(JsonNode baseline, JsonNode now, Tolerances tolerances) {
    List<MetricComparison> rows = new ArrayList<>();
    for (Metric m : Metric.values()) {
      rows.add(new MetricComparison(m, m.read(baseline), m.read(now), tolerances.of(m)));
    }
    List<String> failed = new ArrayList<>();
    for (JsonNode slo : now.path("slos")) {
      if (slo.path("verdict").asText().equals("fail")) {
        String unit = slo.path("unit").asText();
        double measured = slo.path("measured").isNumber() ? slo.path("measured").asDouble() : Double.NaN;
        failed.add(slo.path("slo").asText() + ": measured " + Units.format(measured, unit) + ", bound "
            + slo.path("comparison").asText() + " " + Units.format(slo.path("bound").asDouble(), unit) + " ("
            + slo.path("detail").asText() + ")");
      }
    }
    List<String> notes = new ArrayList<>();
    String bs = baseline.at("/run/scenario").asText();
    String ns = now.at("/run/scenario").asText();
    if (!bs.equals(ns)) {
      notes.add("the baseline ran scenario " + bs + ", this run " + ns + ": the comparison may mean little");
    }
    return new CheckResult(name(baseline), name(now), rows, failed, notes);
  }

  private static String name(JsonNode s) {
    return s.at("/run/scenario").asText() + " on " + s.at("/run/profile").asText() + " (" + s.at("/run/directory").asText()
        + ")";
  }
}
