package dev.tipflood.reports.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.reports.json.JsonNodes;
import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.SloVerdict;
import java.util.Locale;

/** {@code compare.json}: schema {@value #SCHEMA} (docs/capacity.md). */
public final class CompareJson {
  public static final String SCHEMA = "tipflood-compare/1";

  private CompareJson() {
  }

  public static String text(Comparison c) {
    return JsonNodes.text(tree(c));
  }

  public static ObjectNode tree(Comparison c) {
    ObjectNode root = JsonNodes.object().put("schema", SCHEMA).put("scenario", c.scenario());
    ArrayNode runs = root.putArray("runs");
    for (int i = 0; i < c.runs().size(); i++) {
      RunAnalysis.RunInfo r = c.runs().get(i).run();
      ObjectNode o = runs.addObject().put("label", c.labels().get(i)).put("directory", r.directory())
          .put("profile", r.profile()).put("status", r.status()).put("startedAt", r.startedAt())
          .put("slosPassed", c.runs().get(i).slosPassed());
      ObjectNode slos = o.putObject("slos");
      for (SloVerdict v : c.runs().get(i).slos()) {
        ObjectNode s = slos.putObject(v.slo()).put("verdict", v.verdict().name().toLowerCase(Locale.ROOT));
        JsonNodes.num(s, "measured", v.measured());
        JsonNodes.num(s, "bound", v.bound());
        s.put("unit", v.unit());
      }
    }
    ArrayNode rows = root.putArray("scorecard");
    for (ScoreRow row : c.rows()) {
      ObjectNode o = rows.addObject().put("id", row.id()).put("title", row.title()).put("unit", row.unit())
          .put("lowerIsBetter", row.lowerIsBetter()).put("differs", row.differs());
      ArrayNode values = o.putArray("values");
      for (double v : row.values()) {
        if (Double.isFinite(v)) {
          values.add(v);
        } else {
          values.addNull();
        }
      }
      o.put("best", row.best() < 0 ? null : c.labels().get(row.best()));
      o.put("worst", row.worst() < 0 ? null : c.labels().get(row.worst()));
    }
    return root;
  }

}
