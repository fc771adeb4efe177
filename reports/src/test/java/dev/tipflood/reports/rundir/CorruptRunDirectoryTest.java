package dev.tipflood.reports.rundir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.reports.SyntheticRun;
import dev.tipflood.reports.analysis.RunAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every broken run directory gives a RunDirectoryException naming the file, line and problem. */
class CorruptRunDirectoryTest {
  @TempDir
  Path dir;

  @BeforeEach
  void writeAGoodRun() {
    SyntheticRun.at(dir, 5).population("citizens", true, 3).startAndEnd("citizens", 0, "201", 1000, 2000, 3000)
        .startAndEnd("citizens", 1, "201", 1000).readyRange(0, 5, 200).write();
  }

  @Test
  void truncatedHistogramLineNamesFileAndLine() throws IOException {
    Path log = dir.resolve("client/latency-corrected.hlog");
    List<String> lines = Files.readAllLines(log);
    String last = lines.get(lines.size() - 1);
    lines.set(lines.size() - 1, last.substring(0, last.length() - 12));
    Files.write(log, lines);

    assertThatThrownBy(() -> RunAnalyzer.analyze(dir)).isInstanceOf(RunDirectoryException.class)
        .hasMessageStartingWith(log + ":" + lines.size() + ": cannot decode interval")
        .extracting(e -> ((RunDirectoryException) e).kind()).isEqualTo(RunDirectoryException.Kind.CORRUPT);
  }

  @Test
  void lineCutBeforeTheHistogramSaysHowManyFields() throws IOException {
    Path log = dir.resolve("client/latency-raw.hlog");
    List<String> lines = Files.readAllLines(log);
    String last = lines.get(lines.size() - 1);
    lines.set(lines.size() - 1, last.substring(0, last.indexOf(",HISTF")));
    Files.write(log, lines);

    assertThatThrownBy(() -> RunAnalyzer.analyze(dir)).isInstanceOf(RunDirectoryException.class)
        .hasMessage(log + ":" + lines.size()
            + ": expected 4 fields after the tag (start,length,max,histogram), got 3 (truncated?)");
  }

  @Test
  void missingManifestIsMissing() throws IOException {
    Files.delete(dir.resolve("manifest.json"));

    assertThatThrownBy(() -> RunAnalyzer.analyze(dir)).isInstanceOf(RunDirectoryException.class)
        .hasMessage(dir.resolve("manifest.json") + ": missing (the run manifest)")
        .extracting(e -> ((RunDirectoryException) e).kind()).isEqualTo(RunDirectoryException.Kind.MISSING);
  }

  @Test
  void missingClientLogIsMissing() throws IOException {
    Files.delete(dir.resolve("client/latency-corrected.hlog"));

    assertThatThrownBy(() -> RunAnalyzer.analyze(dir)).isInstanceOf(RunDirectoryException.class)
        .hasMessage(dir.resolve("client/latency-corrected.hlog") + ": missing (an HdrHistogram interval log)");
  }

  @Test
  void otherFormatVersionIsRefused() throws IOException {
    Path m = dir.resolve("manifest.json");
    Files.writeString(m, Files.readString(m).replace("\"formatVersion\":1", "\"formatVersion\":2"));

    assertThatThrownBy(() -> RunAnalyzer.analyze(dir)).isInstanceOf(RunDirectoryException.class)
        .hasMessage(m + ": formatVersion 2, this tipflood reads run directories of format 1");
  }

  @Test
  void truncatedProgressLineNamesItsLine() throws IOException {
    Path p = dir.resolve("client/progress.ndjson");
    List<String> lines = Files.readAllLines(p);
    lines.set(2, lines.get(2).substring(0, 40));
    Files.write(p, lines);

    assertThatThrownBy(() -> RunAnalyzer.analyze(dir)).isInstanceOf(RunDirectoryException.class)
        .hasMessageStartingWith(p + ":3: not a JSON object (truncated line?)");
  }

  @Test
  void timelineSampleWithoutTimeNamesTheField() throws IOException {
    Path t = dir.resolve("server/timeline.ndjson");
    List<String> lines = Files.readAllLines(t);
    lines.set(1, lines.get(1).replaceFirst("\"t\":\\d+,", ""));
    Files.write(t, lines);

    assertThatThrownBy(() -> RunAnalyzer.analyze(dir)).isInstanceOf(RunDirectoryException.class)
        .hasMessage(t + ":2: field 't' missing or not a number");
  }

  @Test
  void notADirectory() {
    Path nowhere = dir.resolve("no-such-run");
    assertThatThrownBy(() -> RunAnalyzer.analyze(nowhere)).isInstanceOf(RunDirectoryException.class)
        .hasMessage(nowhere + ": missing (a run directory)");
  }
}
