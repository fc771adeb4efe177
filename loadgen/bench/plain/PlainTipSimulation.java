import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Benchmark only, never in the product jar: the plain Gatling 3.15.1 Java-DSL simulation that
 * tipflood's recording overhead is compared with (loadgen/bench/overhead-vs-plain.sh). What a new
 * user would write for the same load: {@code constantUsersPerSec(R)}, one multipart POST per
 * user with a 144-byte {@code metadata} JSON part and no media, one connection per user
 * (Gatling's default), the same protocol settings as tipflood's, no per-request bookkeeping.
 *
 * <pre>javac -cp tipflood.jar -d DIR PlainTipSimulation.java
 * java -Xmx1g -XX:+UseParallelGC --add-opens=java.base/java.lang=ALL-UNNAMED \
 *   -Dplain.target=http://127.0.0.1:PORT -Dplain.rate=R -Dplain.seconds=S -cp DIR:tipflood.jar \
 *   PlainTipSimulation RESULTS_DIR</pre>
 * Loopback only (refused otherwise); bounded by {@code plain.seconds} plus 10 s.
 */
public class PlainTipSimulation extends Simulation {
  /** 144 bytes, the size of a tipflood metadata part. */
  static final String METADATA = "{\"description\":\"Car on fire near the parking garage, no police\","
      + "\"lat\":32.7767,\"lon\":-96.797,\"occurredAt\":\"2020-05-31T18:04:05Z\",\"deviceId\":\"d7\"}";

  public PlainTipSimulation() {
    String target = System.getProperty("plain.target", "");
    if (!target.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("plain.target must be http://127.0.0.1:PORT, was '" + target + "'");
    }
    double rate = Double.parseDouble(System.getProperty("plain.rate", "100"));
    int seconds = Integer.getInteger("plain.seconds", 20);
    setUp(scenario("plain")
        .exec(http("submit-tip").post("/api/v1/tips")
            .asMultipartForm()
            .bodyPart(StringBodyPart("metadata", METADATA).contentType("application/json").charset("UTF-8"))
            .requestTimeout(Duration.ofSeconds(10))
            .check(status().is(201)))
        .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))))
        .protocols(http.baseUrl(target).disableWarmUp().disableCaching().disableFollowRedirect())
        .maxDuration(Duration.ofSeconds(seconds + 10L));
  }

  public static void main(String[] args) {
    if (METADATA.length() != 144) {
      throw new IllegalStateException("metadata is " + METADATA.length() + " bytes, not 144");
    }
    System.exit(io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
        "--simulation", PlainTipSimulation.class.getName(), "--results-folder", args[0]}));
  }
}
