package dev.tipflood.loadgen.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.loadgen.forecast.Forecast.PhaseLoad;
import dev.tipflood.loadgen.forecast.Forecast.PopulationLoad;
import dev.tipflood.loadgen.forecast.Forecast.ResourceLoad;

/** The forecast as {@code forecast.json} (docs/run-directory.md): machine-readable, units in the names. */
public final class ForecastJson {
  /** Bumped when a field changes meaning or goes away. */
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ForecastJson() {
  }

  public static ObjectNode toJson(Forecast f) {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION).put("scenario", f.scenario()).put("profile", f.capacity().profile())
        .put("scale", f.scale()).put("basis", "first attempts only; retries come on top");
    ArrayNode phases = root.putArray("phases");
    f.phases().forEach(p -> phases.add(phase(p)));
    root.set("wholeRun", phase(f.whole()));
    root.set("peakUtilisation", number(f.peakUtilisation()));
    return root;
  }

  private static ObjectNode phase(PhaseLoad p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("label", p.label()).put("fromSeconds", p.fromSeconds()).put("toSeconds", p.toSeconds());
    ObjectNode pops = n.putObject("populations");
    for (PopulationLoad pop : p.populations()) {
      pops.putObject(pop.population()).put("truth", pop.truth()).put("tipsPerSecond", pop.tipsPerSecond())
          .put("bytesPerSecond", pop.bytesPerSecond()).put("busyWorkers", pop.workerSeconds())
          .put("busyReviewers", pop.reviewerSeconds());
    }
    ObjectNode res = n.putObject("resources");
    for (ResourceLoad r : p.resources()) {
      ObjectNode o = res.putObject(r.resource().id());
      o.set("offered", number(r.offered()));
      o.put("capacity", r.capacity());
      if (r.limited()) {
        o.set("utilisation", number(r.utilisation()));
      } else {
        o.putNull("utilisation");
      }
    }
    p.bottleneck().ifPresent(b -> n.put("bottleneck", b.resource().id()));
    return n;
  }

  /** JSON has no infinity: an unbounded figure is written as the string "unbounded". */
  private static com.fasterxml.jackson.databind.JsonNode number(double d) {
    return Double.isInfinite(d) ? JSON.getNodeFactory().textNode("unbounded") : JSON.getNodeFactory().numberNode(d);
  }
}
