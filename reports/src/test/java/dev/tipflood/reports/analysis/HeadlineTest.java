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
  void aCollapseNamesTheWorstOutcomeWhenReadyFailedAndMetastability() {
    assertThat(Headline.of(RunAnalyzer.analyze(Fixtures.collapse(dir)))).isEqualTo("FAILED: 2 of 4 measured SLOs failed; "
        + "40 of 60 legit tips (66.7%) were rejected, failed or lost, 20 of 60 junk tips were accepted; /ready first failed "
        + "at 10 s; still down 10 s after the load ended (metastable).");
  }
}
