package dev.tipflood.server.media.pdq;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads a PDQ blocklist file for ops: the {@code hash,quality,file} lines that
 * {@code tipflood pdq} prints (Meta's {@code pdq-photo-hasher} format), or a bare hash per line.
 * Blank lines, {@code #} comments and a {@code hash,quality,file} header are skipped; lines may
 * end in CRLF. Anything else is an error naming {@code file:line} and what is wrong.
 *
 * <pre>{@code
 * PdqBlocklistFile.Loaded seed = PdqBlocklistFile.read(Path.of("junk.pdq"));
 * int added = seed.addTo(index);     // entries of usable quality, id = line number
 * }</pre>
 */
public final class PdqBlocklistFile {
  private static final String HEADER = "hash,quality,file";

  private PdqBlocklistFile() {
  }

  /**
   * One hash of the file.
   *
   * @param quality absent for a bare hash (then trusted: ops vouched for it)
   * @param label   the file column, or empty
   * @param line    1-based line number, used as the index id by {@link Loaded#addTo}
   */
  public record Entry(PdqHash hash, OptionalInt quality, String label, int line) {
    /** Whether the entry may join a blocklist: a bare hash, or quality at least {@link PdqMatching#MIN_QUALITY}. */
    public boolean usable() {
      return quality.isEmpty() || quality.getAsInt() >= PdqMatching.MIN_QUALITY;
    }
  }

  /** The entries of a file, in file order. */
  public record Loaded(Path file, List<Entry> entries) {
    public Loaded {
      entries = List.copyOf(entries);
    }

    /** Entries of quality below {@link PdqMatching#MIN_QUALITY}: kept out of an index. */
    public long lowQuality() {
      return entries.stream().filter(e -> !e.usable()).count();
    }

    /** Adds the usable entries to {@code index}, each under its line number; returns how many. */
    public int addTo(PdqIndex index) {
      int added = 0;
      for (Entry e : entries) {
        if (e.usable()) {
          index.add(e.hash(), e.line());
          added++;
        }
      }
      return added;
    }
  }

  /** A blocklist file that cannot be used; the message starts with {@code file:line:} where one applies. */
  public static final class BlocklistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private BlocklistException(String message, Throwable cause) {
      super(message, cause);
    }

    static BlocklistException atLine(Path file, int line, String what) {
      return new BlocklistException(file + ":" + line + ": " + what, null);
    }

    static BlocklistException unreadable(Path file, IOException cause) {
      return new BlocklistException(file + ": cannot read blocklist: " + cause.getMessage(), cause);
    }
  }

  /**
   * Reads and validates the whole file.
   *
   * @throws BlocklistException at the first bad line, or when the file cannot be read
   */
  public static Loaded read(Path file) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw BlocklistException.unreadable(file, new IOException("not UTF-8 text", e));
    } catch (IOException e) {
      throw BlocklistException.unreadable(file, e);
    }
    return parse(file, text);
  }

  /** Parses blocklist text; {@code file} only names the source in errors. */
  public static Loaded parse(Path file, String text) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String content = line.strip();
      if (content.isEmpty() || content.startsWith("#") || content.equalsIgnoreCase(HEADER)) {
        continue;
      }
      entries.add(entry(file, i + 1, content));
    }
    return new Loaded(file, entries);
  }

  private static Entry entry(Path file, int line, String content) {
    if (content.indexOf('\r') >= 0) {
      throw BlocklistException.atLine(file, line, "stray carriage return inside the line");
    }
    int firstComma = content.indexOf(',');
    String hex = (firstComma < 0 ? content : content.substring(0, firstComma)).strip();
    PdqHash hash;
    try {
      hash = PdqHash.fromHex(hex);
    } catch (IllegalArgumentException e) {
      throw BlocklistException.atLine(file, line, "bad hash '" + abbreviate(hex) + "': " + e.getMessage());
    }
    if (firstComma < 0) {
      return new Entry(hash, OptionalInt.empty(), "", line);
    }
    int secondComma = content.indexOf(',', firstComma + 1);
    if (secondComma < 0) {
      throw BlocklistException.atLine(file, line, "expected hash,quality,file or a bare hash; got 2 fields");
    }
    String q = content.substring(firstComma + 1, secondComma).strip();
    int quality;
    try {
      quality = Integer.parseInt(q);
    } catch (NumberFormatException e) {
      throw BlocklistException.atLine(file, line, "quality must be an integer 0..100, got '" + abbreviate(q) + "'");
    }
    if (quality < 0 || quality > 100) {
      throw BlocklistException.atLine(file, line, "quality must be 0..100, got " + quality);
    }
    // The file column is everything after the second comma: file names may hold commas.
    return new Entry(hash, OptionalInt.of(quality), content.substring(secondComma + 1), line);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
