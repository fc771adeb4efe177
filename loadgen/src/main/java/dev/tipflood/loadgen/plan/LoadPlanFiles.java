package dev.tipflood.loadgen.plan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@link LoadPlan} as JSON. */
public final class LoadPlanFiles {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private LoadPlanFiles() {
  }

  public static void write(LoadPlan plan, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      JSON.writeValue(file.toFile(), plan);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write load plan " + file, e);
    }
  }

  public static LoadPlan read(Path file) {
    try {
      return JSON.readValue(file.toFile(), LoadPlan.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read load plan " + file + ": " + e.getMessage(), e);
    }
  }
}
