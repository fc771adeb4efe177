package dev.tipflood.loadgen.measure;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code client/acked-tips.tsv}: one line per tip the target acknowledged ({@code 201} with an id),
 * written as the answer arrives: {@code id, population, seq, attempt, media, acked} (the media files
 * sent, in part order, {@code |}-separated; empty without media; {@code acked}: {@code tip} for the
 * whole tip, {@code text} for a tip answered {@code 202 deferred} whose media never got a
 * {@code 201}: only its text was acknowledged). The corpus files are immutable,
 * so their SHA-256 is what was sent: enough for {@code tipflood verify} to fetch every tip back and
 * check it. Lines are flushed once a second with the interval logs, and at the end.
 */
public final class AckedTipLog implements Closeable {
  public static final String FILE = "acked-tips.tsv";
  private static final String HEADER = "id\tpopulation\tseq\tattempt\tmedia\tacked";
  private static final String WHOLE = "tip";
  private static final String TEXT = "text";
  private final BufferedWriter out;

  /**
   * One acknowledged tip.
   *
   * @param media the corpus files sent, in part order
   * @param textOnly only the text was acknowledged ({@code 202 deferred}, media never accepted): its
   *     media may be stored or not, but the tip must be
   */
  public record Entry(String id, String population, long seq, int attempt, List<String> media, boolean textOnly) {
    /** A tip acknowledged whole (a {@code 201}). */
    public Entry(String id, String population, long seq, int attempt, List<String> media) {
      this(id, population, seq, attempt, media, false);
    }
  }

  public AckedTipLog(Path clientDir) {
    try {
      Files.createDirectories(clientDir);
      out = Files.newBufferedWriter(clientDir.resolve(FILE), StandardCharsets.UTF_8);
      out.write(HEADER);
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + clientDir.resolve(FILE), e);
    }
  }

  public synchronized void record(Entry e) {
    try {
      out.write(e.id() + "\t" + e.population() + "\t" + e.seq() + "\t" + e.attempt() + "\t" + String.join("|", e.media())
          + "\t" + (e.textOnly() ? TEXT : WHOLE));
      out.newLine();
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write " + FILE, ex);
    }
  }

  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush " + FILE, e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }

  /**
   * Reads a log back; a last line cut by a crash of the load generator is skipped. Logs written
   * before the {@code acked} column have five columns: every line is a whole tip.
   */
  public static List<Entry> read(Path file) throws IOException {
    List<Entry> entries = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = line.split("\t", -1);
      if (f.length < 5 || f.length > 6 || f[0].length() != 26 || f.length == 6 && !f[5].equals(WHOLE) && !f[5].equals(TEXT)) {
        continue;
      }
      List<String> media = f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split("\\|"));
      entries.add(new Entry(f[0], f[1], Long.parseLong(f[2]), Integer.parseInt(f[3]), List.copyOf(media),
          f.length == 6 && f[5].equals(TEXT)));
    }
    return entries;
  }
}
