package dev.tipflood.loadgen.gatling;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP requests tipflood sends. */
final class TipRequests {
  static final String SUBMIT_PATH = "/api/v1/tips";
  private static final Pattern TIP_LOCATION = Pattern.compile("(?:https?://[^/]+)?" + Pattern.quote(SUBMIT_PATH + "/") + "([0-9a-f]{26})");

  private TipRequests() {
  }

  /**
   * A multipart tip upload of population {@code p} with {@code mediaCount} media parts streamed
   * from disk, carrying the truth headers and the identity's source address, all read from the
   * user's {@link Tip}. The status, the {@code Location} (for the acknowledged-tip log) and, for a
   * population that retries and honours it, any {@code Retry-After} go into the Tip for the
   * recorder; only a 2xx counts as OK in Gatling's own report. A population that never retries sends only first attempts: its request name and
   * attempt header are constants.
   */
  static HttpRequestActionBuilder submitTip(PopulationPlan p, int mediaCount, Duration timeout, boolean retries) {
    String first = p.name() + " " + TipChains.FIRST;
    String retry = p.name() + " " + TipChains.RETRY;
    HttpRequestActionBuilder request = (retries ? http(s -> Tip.of(s).attempt == 1 ? first : retry) : http(first))
        .post(SUBMIT_PATH)
        .header("X-Tipflood-Truth", p.truth())
        .header("X-Tipflood-Population", p.name())
        .header("X-Tipflood-Seq", s -> Tip.of(s).seqText())
        .header("X-Forwarded-For", s -> Tip.of(s).sourceIp)
        .asMultipartForm()
        .bodyPart(StringBodyPart("metadata", s -> Tip.of(s).metadata)
            .contentType("application/json").charset("UTF-8"));
    request = retries
        ? request.header("X-Tipflood-Attempt", s -> Integer.toString(Tip.of(s).attempt))
        : request.header("X-Tipflood-Attempt", "1");
    for (int i = 0; i < mediaCount; i++) {
      int part = i;
      request = request.bodyPart(RawFileBodyPart("media", s -> Tip.of(s).media(part).path())
          .contentType(s -> Tip.of(s).media(part).contentType())
          .fileName(s -> Tip.of(s).media(part).fileName()));
    }
    // What the recorder needs goes into the Tip as the checks read it, not into session
    // attributes (each saveAs copies the session). The id comes from the Location header, not
    // the body: a body check makes Gatling keep and decode every response body.
    List<CheckBuilder> checks = new ArrayList<>(List.of(
        status().transformWithSession((status, s) -> Tip.of(s).answered(status)).in(200, 201, 202),
        header("Location").transformWithSession((location, s) -> Tip.of(s).location = location).optional()));
    // With media, a 202 deferred's Retry-After is the slot for its media (DeferredMediaChain).
    if (mediaCount > 0 || retries && p.client().retry().honourRetryAfter()) {
      checks.add(header("Retry-After").transformWithSession((value, s) -> Tip.of(s).retryAfter = value).optional());
    }
    return request.requestTimeout(timeout).check(checks);
  }

  /**
   * The tip id of a {@code Location} header ({@code /api/v1/tips/<26 lower-case hex>}, as the
   * server answers a {@code 201}, or the same as an absolute URL), or {@code null} for none or any
   * other value.
   */
  static String tipId(String location) {
    if (location == null) {
      return null;
    }
    Matcher m = TIP_LOCATION.matcher(location);
    return m.matches() ? m.group(1) : null;
  }
}
