package dev.tipflood.reports.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.reports.analysis.RunAnalyzer;
import dev.tipflood.reports.json.SummaryJson;
import dev.tipflood.reports.rundir.RunDirectoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A summary to compare: analysed from a run directory, or read from a {@code summary.json}. */
public final class Baseline {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Baseline() {
  }

  /**
   * A run directory is analysed afresh (its own {@code summary.json} is not trusted, it may be
   * from an older tipflood); a file must be a {@code summary.json} of schema version
   * {@link SummaryJson#SCHEMA_VERSION} with every field the check reads.
   */
  public static JsonNode load(Path path) {
    if (Files.isDirectory(path)) {
      return SummaryJson.of(RunAnalyzer.analyze(path));
    }
    if (!Files.exists(path)) {
      throw RunDirectoryException.missing(path, "a run directory or a summary.json");
    }
    JsonNode n;
    try {
      n = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw RunDirectoryException.corrupt(path, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw RunDirectoryException.corrupt(path, 0, "unreadable: " + e.getMessage(), e);
    }
    if (n == null || !n.isObject() || !"tipflood-summary".equals(n.path("schema").asText())) {
      throw RunDirectoryException.corrupt(path, 0, "not a tipflood summary.json (no \"schema\": \"tipflood-summary\")");
    }
    int v = n.path("schemaVersion").asInt(-1);
    if (v != SummaryJson.SCHEMA_VERSION) {
      throw RunDirectoryException.corrupt(path, 0, "summary schemaVersion " + v + ", this tipflood reads version "
          + SummaryJson.SCHEMA_VERSION);
    }
    for (String pointer : new String[] {"/run/scenario", "/score/legitNotAccepted", "/score/legitGoodput",
        "/score/junkAccepted", "/score/legitAcceptedLatency/corrected", "/slos"}) {
      if (n.at(pointer).isMissingNode()) {
        throw RunDirectoryException.corrupt(path, 0, "summary.json has no " + pointer);
      }
    }
    return n;
  }
}
