import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.tipflood.loadgen.client.MetadataFactory;
import dev.tipflood.loadgen.plan.MetadataRealism;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Benchmark only, never in the product jar: the plain Gatling 3.15.1 Java-DSL simulation that
 * tipflood's recording overhead is compared with (loadgen/bench/overhead-vs-plain.sh). What a new
 * user would write for the same load: {@code constantUsersPerSec(R)}, one multipart POST per
 * user with a 144-byte {@code metadata} part and no media, one connection per user
 * (Gatling's default), the same protocol settings as tipflood's, no per-request bookkeeping.
 *
 * <p>{@code plain.features} (comma-separated, default none) adds what tipflood does per tip
 * beyond that, one by one, to price each feature on its own:
 * <ul>
 *   <li>{@code metadata}: a unique metadata part per tip, from tipflood's own {@link MetadataFactory};
 *   <li>{@code headers}: tipflood's five tracing headers ({@code X-Tipflood-Truth, -Population,
 *       -Seq, -Attempt}, {@code X-Forwarded-For}), the per-user ones from session functions;
 *   <li>{@code ack}: the checks tipflood's outcome classification and acked-tips.tsv need (the
 *       status saved, the 2xx check, the Location naming the tip saved);
 *   <li>{@code lead}: each user waits one second before it sends, as a tipflood user waits for its
 *       own arrival time (up to the one-second lead): a timer per user, users living longer.
 * </ul>
 *
 * <pre>javac -cp tipflood.jar -d DIR PlainTipSimulation.java
 * java -Xmx1g -XX:+UseParallelGC --add-opens=java.base/java.lang=ALL-UNNAMED \
 *   -Dplain.target=http://127.0.0.1:PORT -Dplain.rate=R -Dplain.seconds=S [-Dplain.features=metadata,ack] \
 *   -cp DIR:tipflood.jar PlainTipSimulation RESULTS_DIR</pre>
 * Loopback only (refused otherwise); bounded by {@code plain.seconds} plus 10 s.
 */
public class PlainTipSimulation extends Simulation {
  /** 144 bytes, the size of a tipflood metadata part. */
  static final String METADATA = "{\"description\":\"Car on fire near the parking garage, no police\","
      + "\"lat\":32.7767,\"lon\":-96.797,\"occurredAt\":\"2020-05-31T18:04:05Z\",\"deviceId\":\"d7\"}";
  static final List<String> FEATURES = List.of("metadata", "headers", "ack", "lead");

  public PlainTipSimulation() {
    String target = System.getProperty("plain.target", "");
    if (!target.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("plain.target must be http://127.0.0.1:PORT, was '" + target + "'");
    }
    double rate = Double.parseDouble(System.getProperty("plain.rate", "100"));
    int seconds = Integer.getInteger("plain.seconds", 20);
    Set<String> features = features(System.getProperty("plain.features", ""));
    setUp(tips(features)
        .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))))
        .protocols(http.baseUrl(target).disableWarmUp().disableCaching().disableFollowRedirect())
        .maxDuration(Duration.ofSeconds(seconds + 10L));
  }

  private static Set<String> features(String list) {
    Set<String> f = list.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(list.split(",")));
    if (!FEATURES.containsAll(f)) {
      throw new IllegalArgumentException("plain.features must be among " + FEATURES + ", was '" + list + "'");
    }
    return f;
  }

  private static ScenarioBuilder tips(Set<String> features) {
    MetadataFactory metadata = new MetadataFactory(new MetadataRealism(1, 1, 1, MetadataRealism.BoundingBox.DALLAS));
    HttpRequestActionBuilder submit = http("submit-tip").post("/api/v1/tips");
    if (features.contains("headers")) {
      submit = submit.header("X-Tipflood-Truth", "legit")
          .header("X-Tipflood-Population", "load")
          .header("X-Tipflood-Seq", s -> Long.toString(s.userId()))
          .header("X-Tipflood-Attempt", "1")
          .header("X-Forwarded-For", s -> "10.0." + (s.userId() >> 8 & 0xff) + "." + (s.userId() & 0xff));
    }
    submit = submit.asMultipartForm()
        .bodyPart((features.contains("metadata")
            ? StringBodyPart("metadata", s -> metadata.json("load-d" + s.userId() % 1000, Instant.now(), ThreadLocalRandom.current()))
            : StringBodyPart("metadata", METADATA))
            .contentType("application/json").charset("UTF-8"))
        .requestTimeout(Duration.ofSeconds(10));
    submit = features.contains("ack")
        ? submit.check(status().saveAs("status"), status().in(200, 201, 202),
            header("Location").optional().saveAs("location"))
        : submit.check(status().is(201));
    ScenarioBuilder s = scenario("plain");
    return (features.contains("lead") ? s.pause(Duration.ofSeconds(1)) : s).exec(submit);
  }

  public static void main(String[] args) {
    if (METADATA.length() != 144) {
      throw new IllegalStateException("metadata is " + METADATA.length() + " bytes, not 144");
    }
    System.exit(io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
        "--simulation", PlainTipSimulation.class.getName(), "--results-folder", args[0]}));
  }
}
