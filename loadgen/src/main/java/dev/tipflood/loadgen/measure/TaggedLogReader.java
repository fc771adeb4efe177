package dev.tipflood.loadgen.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Reads the interval lines of a tagged HdrHistogram log ({@code Tag=...,start,length,max,HISTFAA...}).
 * Unlike {@code HistogramLogReader} it decodes every histogram with room up to one hour of
 * microseconds whatever range its header claims: an auto-resizing {@code Recorder} (as the
 * server uses) can write a header range smaller than its counts, which the stock reader then
 * fails to decode. Timestamps are taken as absolute (no {@code #[BaseTime]} handling).
 */
public final class TaggedLogReader {
  private static final long MIN_RANGE = 3_600_000_000L;

  private TaggedLogReader() {
  }

  public static List<Histogram> read(Path log) {
    List<Histogram> out = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("\"")) {
        continue;
      }
      out.add(parse(line, log, i + 1));
    }
    return out;
  }

  static Histogram parse(String line, Path log, int lineNo) {
    String tag = null;
    String rest = line;
    if (line.startsWith("Tag=")) {
      int comma = line.indexOf(',');
      tag = line.substring(4, comma);
      rest = line.substring(comma + 1);
    }
    String[] f = rest.split(",");
    if (f.length != 4) {
      throw new IllegalArgumentException(log + ":" + lineNo + ": expected start,length,max,histogram, got " + line);
    }
    try {
      Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(f[3])), MIN_RANGE);
      long start = Math.round(Double.parseDouble(f[0]) * 1000);
      h.setStartTimeStamp(start);
      h.setEndTimeStamp(start + Math.round(Double.parseDouble(f[1]) * 1000));
      h.setTag(tag);
      return h;
    } catch (DataFormatException | IllegalArgumentException e) {
      throw new IllegalArgumentException(log + ":" + lineNo + ": cannot decode histogram: " + e.getMessage(), e);
    }
  }
}
