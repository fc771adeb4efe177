package dev.tipflood.loadgen.gatling;

import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.RawFileBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.tipflood.loadgen.plan.PopulationPlan;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The HTTP requests tipflood sends. */
final class TipRequests {
  static final String SUBMIT_PATH = "/api/v1/tips";

  private TipRequests() {
  }

  /**
   * A multipart tip upload of population {@code p} with {@code mediaCount} media parts streamed
   * from disk, carrying the truth headers and the identity's source address. The status (and, for
   * a population that retries and honours it, any {@code Retry-After}) is saved for the recorder;
   * only a 2xx counts as OK in Gatling's own report. A population that never retries sends only
   * first attempts: its request name and attempt header are constants.
   */
  static HttpRequestActionBuilder submitTip(PopulationPlan p, int mediaCount, Duration timeout, boolean retries) {
    HttpRequestActionBuilder request = http(retries ? "#{" + SessionKeys.REQUEST_NAME + "}" : p.name() + " " + TipChains.FIRST)
        .post(SUBMIT_PATH)
        .header("X-Tipflood-Truth", p.truth())
        .header("X-Tipflood-Population", p.name())
        .header("X-Tipflood-Seq", "#{" + SessionKeys.SEQ + "}")
        .header("X-Tipflood-Attempt", retries ? "#{" + SessionKeys.ATTEMPT + "}" : "1")
        .header("X-Forwarded-For", "#{" + SessionKeys.SOURCE_IP + "}")
        .asMultipartForm()
        .bodyPart(StringBodyPart("metadata", "#{" + SessionKeys.METADATA + "}")
            .contentType("application/json").charset("UTF-8"));
    for (int i = 0; i < mediaCount; i++) {
      request = request.bodyPart(RawFileBodyPart("media", "#{" + SessionKeys.mediaPath(i) + "}")
          .contentType("#{" + SessionKeys.mediaType(i) + "}")
          .fileName("#{" + SessionKeys.mediaName(i) + "}"));
    }
    List<CheckBuilder> checks = new ArrayList<>(List.of(status().saveAs(SessionKeys.STATUS), status().in(200, 201, 202),
        regex("\"id\":\"([0-9a-f]{26})\"").optional().saveAs(SessionKeys.TIP_ID)));
    // With media, a 202 deferred's Retry-After is the slot for its media (DeferredMediaChain).
    if (mediaCount > 0 || retries && p.client().retry().honourRetryAfter()) {
      checks.add(header("Retry-After").optional().saveAs(SessionKeys.RETRY_AFTER));
    }
    return request.requestTimeout(timeout).check(checks);
  }
}
