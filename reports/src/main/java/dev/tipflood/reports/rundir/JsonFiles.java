package dev.tipflood.reports.rundir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads JSON and NDJSON files of a run directory, with errors that name the file and line. */
final class JsonFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonFiles() {
  }

  static JsonNode object(Path file, String what) {
    String text = text(file, what);
    try {
      JsonNode n = JSON.readTree(text);
      if (n == null || !n.isObject()) {
        throw RunDirectoryException.corrupt(file, 0, "expected a JSON object (" + what + ")");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw RunDirectoryException.corrupt(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not valid JSON (" + what + "): " + e.getOriginalMessage(), e);
    }
  }

  /** One value per non-blank line; {@code convert} may throw IllegalArgumentException for a bad record. */
  static <T> List<T> lines(Path file, String what, Function<JsonNode, T> convert) {
    String[] lines = text(file, what).split("\n", -1);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw RunDirectoryException.corrupt(file, i + 1, "not a JSON object (truncated line?): " + e.getOriginalMessage(), e);
      }
      if (n == null || !n.isObject()) {
        throw RunDirectoryException.corrupt(file, i + 1, "expected one JSON object per line");
      }
      try {
        out.add(convert.apply(n));
      } catch (IllegalArgumentException e) {
        throw RunDirectoryException.corrupt(file, i + 1, e.getMessage(), e);
      }
    }
    return out;
  }

  static String text(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw RunDirectoryException.missing(file, what);
    } catch (IOException e) {
      throw RunDirectoryException.corrupt(file, 0, "unreadable (" + what + "): " + e.getMessage(), e);
    }
  }

  /** A required number field; IllegalArgumentException naming it when absent. */
  static long requireLong(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (!v.isNumber()) {
      throw new IllegalArgumentException("field '" + field + "' missing or not a number");
    }
    return v.asLong();
  }
}
