package dev.tipflood.loadgen.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.tipflood.loadgen.cli.TipfloodCli;
import dev.tipflood.reports.analysis.Verdict;
import dev.tipflood.reports.check.CheckResult;
import dev.tipflood.reports.check.Tolerances;
import dev.tipflood.reports.json.SummaryJson;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The JUnit 5 recipe of the README, run for real on a small scenario: a tipline server child JVM,
 * a Gatling child JVM, loopback only, about 15 s of load plus the grace.
 */
class TipfloodRunIT {
  @TempDir
  static Path work;
  static TipfloodResult result;

  @BeforeAll
  static void runTheRecipe() throws Exception {
    result = TipfloodRun.scenario(Path.of("src/test/resources/recipe/gentle.yaml").toAbsolutePath().toString())
        .out(work.resolve("runs"))
        .serverJar(Path.of(System.getProperty("tipflood.server.jar", "../server/target/tipflood-server.jar")).toAbsolutePath())
        .grace(java.time.Duration.ofSeconds(5))
        .run();
  }

  @Test
  void aGentleDayOnTheTipLineMeetsItsSlos() {
    result.assertCompleted().assertSlosPass();
    assertThat(result.analysis().slos()).extracting(v -> v.slo())
        .containsExactly("legitAcceptP99", "legitSuccessRatio", "legitTimeToReviewP95", "junkStorageShareMax");
    assertThat(result.slo("legitSuccessRatio").measured()).isGreaterThanOrEqualTo(0.9);
    assertThat(result.analysis().classReport("citizens").offered()).isEqualTo(15);
  }

  @Test
  void anAssertionThatDoesNotHoldFailsWithMeasuredValueAndBound() {
    assertThatThrownBy(() -> result.assertSlo("legitSuccessRatio", Verdict.FAIL)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("legitSuccessRatio: measured ").hasMessageContaining("bound >= 90.0%");
  }

  @Test
  void theRunDirectoryHoldsTheThreeReportsAndTheSummaryMatchesItsSchema() throws Exception {
    Path dir = result.runDirectory();
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    try (InputStream schema = SummaryJson.class.getResourceAsStream(SummaryJson.SCHEMA_RESOURCE)) {
      assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema).validate(summary)).isEmpty();
    }
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<svg").doesNotContain("<script").doesNotContain("data-points=\"0\"");
    assertThat(Files.readString(dir.resolve("junit.xml"))).contains("tests=\"4\"").contains("failures=\"0\"")
        .contains("<testcase classname=\"tipflood.gentle.tipline\" name=\"legitAcceptP99\"");
    assertThat(dir.resolve("server/ready.ndjson")).isNotEmptyFile();
  }

  @Test
  void checkPassesTheRunAgainstItself() {
    CheckResult r = result.check(result.runDirectory(), Tolerances.defaults());
    assertThat(r.regressed()).isFalse();
    assertThat(r.slosFailed()).isFalse();

    StringWriter out = new StringWriter();
    CommandLine cli = TipfloodCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    String dir = result.runDirectory().toString();
    assertThat(cli.execute("check", dir, "--baseline", dir + "/summary.json")).isZero();
    assertThat(out.toString()).contains("legit.goodput").endsWith("no regression\n");
  }
}
