package dev.tipflood.reports.capacity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The published capacity reference data in ../shared/data/capacity-reference/: points and header values. */
final class ReferenceData {
  private final List<String> header;
  final double[] x;
  final double[] y;

  private ReferenceData(List<String> header, double[] x, double[] y) {
    this.header = header;
    this.x = x;
    this.y = y;
  }

  static ReferenceData load(String file) {
    Path p = dir().resolve(file);
    try {
      List<String> header = new ArrayList<>();
      List<double[]> rows = new ArrayList<>();
      for (String line : Files.readAllLines(p)) {
        if (line.startsWith("#")) {
          header.add(line);
        } else if (!line.isBlank() && Character.isDigit(line.charAt(0)) || line.startsWith("-")) {
          String[] f = line.split(",");
          rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
        }
      }
      return new ReferenceData(header, rows.stream().mapToDouble(r -> r[0]).toArray(),
          rows.stream().mapToDouble(r -> r[1]).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException("reference data " + p + " (../shared/data/capacity-reference/)", e);
    }
  }

  /** The number the header gives last as {@code name = value}. */
  double headerValue(String name) {
    Pattern p = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*=\\s*([-0-9.eE]+)");
    Double found = null;
    for (String line : header) {
      Matcher m = p.matcher(line);
      while (m.find()) {
        found = Double.parseDouble(m.group(1));
      }
    }
    if (found != null) {
      return found;
    }
    throw new IllegalArgumentException("no '" + name + " = ...' in the header: " + header);
  }

  private static Path dir() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared/data/capacity-reference");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      candidate = d.getParent() == null ? null : d.getParent().resolve("shared/data/capacity-reference");
      if (candidate != null && Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("../shared/data/capacity-reference/ not found above " + Path.of("").toAbsolutePath());
  }
}
