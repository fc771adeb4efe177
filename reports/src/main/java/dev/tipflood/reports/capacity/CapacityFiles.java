package dev.tipflood.reports.capacity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code capacity.html} and {@code capacity.json} of a sweep into a directory. */
public final class CapacityFiles {
  private CapacityFiles() {
  }

  public static void write(CapacityReport r, Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(CapacityReport.HTML), CapacityHtml.of(r, directory), StandardCharsets.UTF_8);
      Files.writeString(directory.resolve(CapacityReport.JSON), CapacityJson.text(r), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the capacity report into " + directory, e);
    }
  }
}
