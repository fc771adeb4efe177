package dev.tipflood.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.reports.Fixtures;
import dev.tipflood.reports.analysis.RunAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  /** Anything a browser would fetch: src/href not to a fragment, CSS url() and @import, scripts, links. */
  private static final Pattern FETCH = Pattern.compile(
      "(?i)(\\ssrc\\s*=|\\shref\\s*=\\s*['\"](?!#)|xlink:href\\s*=\\s*['\"](?!#)|url\\(\\s*['\"]?(?!#)|@import|<script|<link|<iframe|<img)");
  private static final Pattern FIGURE = Pattern.compile("<figure id=\"([^\"]+)\" data-points=\"(\\d+)\">(.*?)</figure>",
      Pattern.DOTALL);

  @TempDir
  Path dir;

  @Test
  void theReportFetchesNothingAndRunsNoScript() {
    String html = HtmlReport.of(RunAnalyzer.analyze(Fixtures.collapse(dir)));

    Matcher m = FETCH.matcher(html);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(html.substring(Math.max(0, m.start() - 40), Math.min(html.length(), m.end() + 40)));
    }
    assertThat(found).isEmpty();
  }

  @Test
  void everyChartHasDataAndIsInlineSvg() {
    String html = HtmlReport.of(RunAnalyzer.analyze(Fixtures.collapse(dir)));

    Matcher m = FIGURE.matcher(html);
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
      assertThat(Integer.parseInt(m.group(2))).as("data points of " + m.group(1)).isPositive();
      assertThat(m.group(3)).as(m.group(1)).contains("<svg").contains("<path");
    }
    assertThat(ids).containsExactly("events", "rates-citizens", "rates-fans", "open", "latency", "heap", "queues", "review");
  }

  @Test
  void theNegativeControlFindsAnExternalReference() {
    assertThat(FETCH.matcher("<img src=\"https://example.org/x.png\">").find()).isTrue();
    assertThat(FETCH.matcher("<svg><use xlink:href='#a'/></svg>").find()).isFalse();
  }

  @Test
  void legitTipsAcknowledgedButNeverReviewedAreShownAndInTheSummary() throws Exception {
    var analysis = RunAnalyzer.analyze(Fixtures.collapse(dir));
    String html = HtmlReport.of(analysis);
    assertThat(html).contains("<th>expired unreviewed</th></tr>")
        .containsPattern("<td class=\"l\">citizens \\(legit tips\\)</td>(<td>[^<]*</td>){6}<td>3</td></tr>");
    var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        dev.tipflood.reports.json.SummaryJson.text(analysis));
    var citizens = summary.path("classes").get(0);
    assertThat(citizens.path("name").asText()).isEqualTo("citizens");
    assertThat(citizens.at("/timeToReview/expired").asLong()).isEqualTo(3);
  }

  @Test
  void theHeadlineTablesAndEventsAreThere() {
    String html = HtmlReport.of(RunAnalyzer.analyze(Fixtures.collapse(dir)));

    assertThat(html).contains("class=\"headline failed\"").contains("FAILED:").contains("<h2>SLOs</h2>")
        .contains("legit tips rejected, failed or lost (the worst outcome)").contains("/ready first failed")
        .contains("METASTABLE").contains("processing queue full")
        .contains("503 overloaded, too many connections or storage unavailable ×6");
  }

  @Test
  void aTargetRunHasNoServerCharts() {
    String html = HtmlReport.of(RunAnalyzer.analyze(Fixtures.targetOnly(dir)));

    assertThat(html).contains("id=\"rates-citizens\"").doesNotContain("id=\"heap\"").contains("not measured");
  }

  @Test
  void aRunWithoutReadyProbesDoesNotClaimReadyNeverFailed() {
    String html = HtmlReport.of(RunAnalyzer.analyze(Fixtures.targetOnly(dir)));

    assertThat(html).contains("/ready: not probed").doesNotContain("/ready first failed: never");
  }
}
