package dev.tipflood.loadgen.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.measure.AckedTipLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every acknowledged tip of a run: fetched back by id, it must exist and list, part by
 * part, the SHA-256 of the file that was sent; where the server's data directory is at hand, the
 * stored file ({@code media/<id>-<index>}) must hash the same. The fetching is a function, so the
 * check itself runs without a network in tests.
 */
public final class AckVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TipSource source;
  private final Optional<Path> mediaDir;
  private final Map<String, String> shaOfFile = new HashMap<>();

  /** {@code GET /api/v1/tips/{id}}: the body of a 200, empty for a 404. */
  @FunctionalInterface
  public interface TipSource {
    Optional<String> fetch(String id) throws IOException, InterruptedException;
  }

  /** What the check found. */
  public record Result(int acknowledged, List<String> missing, List<String> corrupt) {
    public boolean allIntact() {
      return missing.isEmpty() && corrupt.isEmpty();
    }

    public String text() {
      return acknowledged + " acknowledged tips: " + (acknowledged - missing.size() - corrupt.size()) + " intact, "
          + missing.size() + " missing, " + corrupt.size() + " corrupt"
          + (allIntact() ? "" : "; first: " + (missing.isEmpty() ? corrupt.get(0) : missing.get(0)));
    }
  }

  public AckVerifier(TipSource source, Optional<Path> mediaDir) {
    this.source = source;
    this.mediaDir = mediaDir;
  }

  public Result verify(List<AckedTipLog.Entry> entries) throws IOException, InterruptedException {
    List<String> missing = new ArrayList<>();
    List<String> corrupt = new ArrayList<>();
    for (AckedTipLog.Entry e : entries) {
      Optional<String> body = source.fetch(e.id());
      if (body.isEmpty()) {
        missing.add(e.id());
        continue;
      }
      Optional<String> problem = problem(e, JSON.readTree(body.get()));
      problem.ifPresent(p -> corrupt.add(e.id() + " (" + p + ")"));
    }
    return new Result(entries.size(), missing, corrupt);
  }

  private Optional<String> problem(AckedTipLog.Entry e, JsonNode tip) throws IOException {
    JsonNode media = tip.path("media");
    if (e.textOnly() && media.isEmpty()) {
      return Optional.empty(); // only the text was acknowledged, and the media never came
    }
    if (media.size() != e.media().size()) {
      return Optional.of(media.size() + " media parts stored, " + e.media().size() + " sent");
    }
    for (int i = 0; i < e.media().size(); i++) {
      String sent = sha256(Path.of(e.media().get(i)));
      if (!sent.equals(media.get(i).path("sha256").asText())) {
        return Optional.of("part " + i + ": the server lists another SHA-256 than the file sent");
      }
      if (mediaDir.isPresent()) {
        Path stored = mediaDir.get().resolve(e.id() + "-" + i);
        if (!Files.isRegularFile(stored)) {
          return Optional.of("part " + i + ": no stored file " + stored.getFileName());
        }
        if (!sent.equals(hash(stored))) {
          return Optional.of("part " + i + ": the stored file's SHA-256 differs from the file sent");
        }
      }
    }
    return Optional.empty();
  }

  private String sha256(Path corpusFile) {
    return shaOfFile.computeIfAbsent(corpusFile.toString(), f -> {
      try {
        return hash(Path.of(f));
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot read the sent file " + f, ex);
      }
    });
  }

  static String hash(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
