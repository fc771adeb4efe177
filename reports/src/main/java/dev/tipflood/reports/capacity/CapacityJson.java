package dev.tipflood.reports.capacity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.reports.json.JsonNodes;

/** {@code capacity.json}: the sweep for machines, schema {@value #SCHEMA} (docs/capacity.md). */
public final class CapacityJson {
  public static final String SCHEMA = "tipflood-capacity/1";

  private CapacityJson() {
  }

  public static String text(CapacityReport r) {
    return JsonNodes.text(tree(r));
  }

  public static ObjectNode tree(CapacityReport r) {
    ObjectNode root = JsonNodes.object();
    root.put("schema", SCHEMA).put("scenario", r.scenario()).put("statement", r.statement())
        .put("junkPeakTipsPerSecond", r.junkPeakPerSecond()).put("legitTipsPerSecond", r.legitPerSecond())
        .put("warmUpSeconds", r.warmUpSeconds()).put("measuredSeconds", r.measuredSeconds())
        .put("budgetSeconds", r.budgetSeconds()).put("wallSeconds", r.wallSeconds()).put("interrupted", r.interrupted());
    ArrayNode judged = root.putArray("judgedSlos");
    r.judgedSlos().forEach(judged::add);
    ArrayNode profiles = root.putArray("profiles");
    for (CapacityCurve c : r.curves()) {
      ObjectNode p = profiles.addObject();
      p.put("profile", c.profile()).put("stopped", c.stopped());
      BreakingPoint bp = c.breaking();
      ObjectNode b = p.putObject("breakingPoint");
      b.put("status", bp.status().name().toLowerCase(java.util.Locale.ROOT));
      JsonNodes.num(b, "held", bp.held());
      JsonNodes.num(b, "broke", bp.broke());
      JsonNodes.num(b, "estimate", bp.estimate());
      JsonNodes.num(b, "relativeWidth", bp.relativeWidth());
      if (c.knee().isPresent()) {
        Kneedle.Knee k = c.knee().get();
        p.putObject("knee").put("intensity", k.x()).put("legitGoodput", k.y())
            .put("curve", k.curve().name().toLowerCase(java.util.Locale.ROOT))
            .put("direction", k.direction().name().toLowerCase(java.util.Locale.ROOT));
      } else {
        p.putNull("knee");
      }
      if (c.usl().isPresent()) {
        UslModel m = c.usl().get();
        ObjectNode u = p.putObject("usl");
        u.put("lambda", m.lambda()).put("sigma", m.sigma()).put("kappa", m.kappa());
        JsonNodes.num(u, "rSquared", m.rSquared());
        JsonNodes.num(u, "peakLoad", m.peakLoad());
        JsonNodes.num(u, "peakThroughput", m.peakThroughput());
        u.put("points", m.points());
      } else {
        p.putNull("usl");
      }
      ArrayNode steps = p.putArray("steps");
      for (CapacityPoint s : c.steps()) {
        ObjectNode o = steps.addObject();
        o.put("intensity", s.intensity()).put("junkTipsPerSecond", s.junkTipsPerSecond()).put("passed", s.passed());
        ArrayNode f = o.putArray("failedSlos");
        s.failedSlos().forEach(f::add);
        JsonNodes.num(o, "offeredPerSecond", s.offeredPerSecond());
        JsonNodes.num(o, "acceptedPerSecond", s.acceptedPerSecond());
        JsonNodes.num(o, "legitGoodputPerSecond", s.legitGoodput());
        JsonNodes.num(o, "legitP99Ms", s.legitP99Ms());
        JsonNodes.num(o, "legitTimeToReviewP95Ms", s.legitTtrP95Ms());
        o.put("runDirectory", s.runDirectory());
      }
    }
    return root;
  }

}
