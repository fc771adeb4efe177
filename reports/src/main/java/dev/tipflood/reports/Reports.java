package dev.tipflood.reports;

import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.RunAnalyzer;
import dev.tipflood.reports.html.HtmlReport;
import dev.tipflood.reports.json.SummaryJson;
import dev.tipflood.reports.junit.JUnitXml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's reports, {@code report.html}, {@code summary.json} and {@code junit.xml}, into
 * its run directory, from the files alone.
 *
 * <pre>{@code
 * RunAnalysis a = Reports.write(Path.of("runs/20261204-183007-fancam-flood-smoke"));
 * if (!a.slosPassed()) { ... }
 * }</pre>
 *
 * Throws {@link dev.tipflood.reports.rundir.RunDirectoryException} for a run directory that
 * cannot be read.
 */
public final class Reports {
  public static final String HTML = "report.html";
  public static final String SUMMARY = "summary.json";
  public static final String JUNIT = "junit.xml";

  private Reports() {
  }

  /** Analyses the run directory and writes the three reports into it. */
  public static RunAnalysis write(Path runDirectory) {
    RunAnalysis a = RunAnalyzer.analyze(runDirectory);
    write(a, runDirectory);
    return a;
  }

  /** Writes the reports of an analysis into a directory. */
  public static void write(RunAnalysis a, Path directory) {
    try {
      Files.writeString(directory.resolve(HTML), HtmlReport.of(a), StandardCharsets.UTF_8);
      Files.writeString(directory.resolve(SUMMARY), SummaryJson.text(a), StandardCharsets.UTF_8);
      Files.writeString(directory.resolve(JUNIT), JUnitXml.of(a), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reports into " + directory, e);
    }
  }
}
