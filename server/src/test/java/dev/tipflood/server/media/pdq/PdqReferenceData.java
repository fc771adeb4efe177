package dev.tipflood.server.media.pdq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ../shared/data/pdq-reference/} beside the repository root (CI clones the repository
 * with {@code shared/} beside it), found by walking up from the module directory.
 */
final class PdqReferenceData {
  private PdqReferenceData() {
  }

  static Path dir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/data/pdq-reference");
      if (Files.isRegularFile(candidate.resolve("reference-hashes.csv"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/data/pdq-reference/reference-hashes.csv beside any parent of "
        + Path.of("").toAbsolutePath() + ": the reference data must sit beside the repository (../shared)");
  }

  /** Reference hash per file (relative path, e.g. {@code labelme-subset/q0003.jpg}), in file order. */
  static Map<String, PdqHash> hashes() {
    Map<String, PdqHash> out = new LinkedHashMap<>();
    try {
      // Split on LF only: the java-cpp rows carry a stray CR after the file name, which
      // readAllLines would take for a line break.
      String text = Files.readString(dir().resolve("reference-hashes.csv"));
      for (String raw : text.split("\n")) {
        String line = raw.replace("\r", "");
        if (line.isBlank() || line.startsWith("#") || line.startsWith("file,")) {
          continue;
        }
        String[] f = line.split(",");
        if (f.length < 2) {
          throw new IllegalStateException("reference-hashes.csv: no hash in line '" + line + "'");
        }
        out.put(f[0], PdqHash.fromHex(f[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
