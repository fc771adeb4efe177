package dev.tipflood.reports.rundir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Reads a tagged HdrHistogram interval log ({@code Tag=...,start,length,max,HISTFAA...}, log
 * format 1.3, absolute epoch-second timestamps) as written by tipflood's client recorder and
 * server poller. Each histogram is decoded by HdrHistogram itself, with room up to one hour of
 * microseconds whatever range its header claims (an auto-resizing recorder can write a header
 * range smaller than its counts). A line that does not parse, a truncated last line included,
 * is an error that names the file and the line. Each histogram carries its start and end time
 * stamps (epoch ms) and its raw tag, as {@code HistogramLogReader} would set them.
 */
public final class HistogramLogFile {
  private static final long MIN_RANGE = 3_600_000_000L;

  private HistogramLogFile() {
  }

  /** Every interval of the log, in file order. */
  public static List<TaggedInterval> read(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw RunDirectoryException.missing(log, "an HdrHistogram interval log");
    } catch (IOException e) {
      throw RunDirectoryException.corrupt(log, 0, "unreadable: " + e.getMessage(), e);
    }
    List<TaggedInterval> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("\"")) {
        continue;
      }
      out.add(parse(line, log, i + 1));
    }
    return out;
  }

  static TaggedInterval parse(String line, Path log, int lineNo) {
    if (!line.startsWith("Tag=")) {
      throw RunDirectoryException.corrupt(log, lineNo, "expected Tag=pop=..;ep=..;out=..,start,length,max,histogram, got '"
          + abbreviate(line) + "'");
    }
    int comma = line.indexOf(',');
    if (comma < 0) {
      throw RunDirectoryException.corrupt(log, lineNo, "truncated line: a tag and no interval fields");
    }
    String[] f = line.substring(comma + 1).split(",", -1);
    if (f.length != 4) {
      throw RunDirectoryException.corrupt(log, lineNo, "expected 4 fields after the tag (start,length,max,histogram), got "
          + f.length + " (truncated?)");
    }
    try {
      ClassTag tag = ClassTag.parse(line.substring(4, comma));
      long start = Math.round(Double.parseDouble(f[0]) * 1000);
      long end = start + Math.round(Double.parseDouble(f[1]) * 1000);
      Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(f[3])), MIN_RANGE);
      h.setStartTimeStamp(start);
      h.setEndTimeStamp(end);
      h.setTag(line.substring(4, comma));
      return new TaggedInterval(tag, start, end, h);
    } catch (DataFormatException | RuntimeException e) {
      throw RunDirectoryException.corrupt(log, lineNo, "cannot decode interval: " + describe(e), e);
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
