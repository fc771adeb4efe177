package dev.tipflood.reports.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code compare.html} and {@code compare.json} into a directory. */
public final class CompareFiles {
  public static final String HTML = "compare.html";
  public static final String JSON = "compare.json";

  private CompareFiles() {
  }

  public static void write(Comparison c, Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(HTML), CompareHtml.of(c), StandardCharsets.UTF_8);
      Files.writeString(directory.resolve(JSON), CompareJson.text(c), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the comparison into " + directory, e);
    }
  }
}
