package dev.tipflood.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.reports.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlineTest {
  @TempDir
  Path dir;

  @Test
  void aServiceThatHeldSaysSoInOneSentence() {
    assertThat(Headline.of(RunAnalyzer.analyze(Fixtures.held(dir)))).isEqualTo("HELD: all 4 measured SLOs passed; 0 of 60 "
        + "legit tips (0.0%) were rejected, failed or lost, 0 of 60 junk tips were accepted; /ready never failed.");
  }

  @Test
  void aServiceThatWasNeverUnavailableIsNotSaidToHaveNotRecovered() {
    // The data end one second after the last arrival: too soon to time a recovery, but there was nothing to recover from.
    RunAnalysis a = RunAnalyzer.analyze(Fixtures.held(dir, 31));
    assertThat(a.degradation().unavailable()).isEmpty();
    assertThat(a.degradation().recoverySeconds()).isEmpty();
    assertThat(Headline.of(a)).startsWith("HELD:").doesNotContain("recover");
    assertThat(dev.tipflood.reports.html.HtmlReport.of(a)).contains("never unavailable: nothing to recover from")
        .doesNotContain("not seen to recover");
  }

  @Test
  void aCollapseNamesTheWorstOutcomeWhenReadyFailedAndMetastability() {
    assertThat(Headline.of(RunAnalyzer.analyze(Fixtures.collapse(dir)))).isEqualTo("FAILED: 2 of 4 measured SLOs failed; "
        + "40 of 60 legit tips (66.7%) were rejected, failed or lost, 20 of 60 junk tips were accepted; 3 acknowledged "
        + "legit tips expired unreviewed; /ready first failed "
        + "at 10 s; still down 10 s after the load ended (metastable).");
  }
}
