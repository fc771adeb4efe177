package dev.tipflood.loadgen.gatling;

import static io.gatling.javaapi.http.HttpDsl.RawFileBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;

/** The HTTP requests tipflood sends. */
final class TipRequests {
  static final String SUBMIT_PATH = "/api/v1/tips";

  private TipRequests() {
  }

  /**
   * A multipart tip upload with {@code mediaCount} media parts streamed from disk, carrying the
   * truth headers and the identity's source address. The status and any {@code Retry-After} are
   * saved for the recorder; only a 2xx counts as OK in Gatling's own report.
   */
  static HttpRequestActionBuilder submitTip(int mediaCount, Duration timeout) {
    HttpRequestActionBuilder request = http("#{" + SessionKeys.REQUEST_NAME + "}")
        .post(SUBMIT_PATH)
        .header("X-Tipflood-Truth", "#{" + SessionKeys.TRUTH + "}")
        .header("X-Tipflood-Population", "#{" + SessionKeys.POPULATION + "}")
        .header("X-Tipflood-Seq", "#{" + SessionKeys.SEQ + "}")
        .header("X-Tipflood-Attempt", "#{" + SessionKeys.ATTEMPT + "}")
        .header("X-Forwarded-For", "#{" + SessionKeys.SOURCE_IP + "}")
        .asMultipartForm()
        .bodyPart(StringBodyPart("metadata", "#{" + SessionKeys.METADATA + "}")
            .contentType("application/json").charset("UTF-8"));
    for (int i = 0; i < mediaCount; i++) {
      request = request.bodyPart(RawFileBodyPart("media", "#{" + SessionKeys.mediaPath(i) + "}")
          .contentType("#{" + SessionKeys.mediaType(i) + "}")
          .fileName("#{" + SessionKeys.mediaName(i) + "}"));
    }
    return request
        .requestTimeout(timeout)
        .check(
            status().saveAs(SessionKeys.STATUS),
            header("Retry-After").optional().saveAs(SessionKeys.RETRY_AFTER),
            status().in(200, 201, 202));
  }
}
