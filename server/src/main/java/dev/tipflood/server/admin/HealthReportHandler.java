package dev.tipflood.server.admin;

import dev.tipflood.server.health.CheckResult;
import dev.tipflood.server.health.HealthReport;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * Answers a probe with a {@link HealthReport}: 200 when every check is up, else 503 with
 * Retry-After. The body names the failing checks and shows every check's value and threshold:
 * <pre>{@code
 * {"status":"DOWN","failing":["heapAfterGc"],"checks":[
 *   {"name":"heapAfterGc","status":"DOWN","value":0.97,"threshold":0.9,"unit":"fraction"}, ...]}
 * }</pre>
 */
final class HealthReportHandler implements Handler<RoutingContext> {
  private final Supplier<HealthReport> report;

  HealthReportHandler(Supplier<HealthReport> report) {
    this.report = report;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HealthReport r = report.get();
    JsonArray checks = new JsonArray();
    for (CheckResult c : r.checks()) {
      JsonObject check = new JsonObject().put("name", c.name()).put("status", c.up() ? "UP" : "DOWN")
          .put("value", round(c.value()));
      if (Double.isFinite(c.threshold())) {
        check.put("threshold", round(c.threshold()));
      }
      checks.add(check.put("unit", c.unit()));
    }
    var response = ctx.response().setStatusCode(r.up() ? 200 : 503)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    if (!r.up()) {
      response.putHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    response.end(new JsonObject().put("status", r.up() ? "UP" : "DOWN").put("failing", new JsonArray(r.failing()))
        .put("checks", checks).encode());
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
