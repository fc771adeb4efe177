package dev.tipflood.server.api.upload.multipart;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Feeds bodies to parsers in given chunkings and compares the recorded events. */
final class Bodies {
  static final MultipartLimits LIMITS = new MultipartLimits(1024, 8, 256, 256);

  private Bodies() {}

  static Buffer utf8(String s) {
    return Buffer.buffer(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Feeds {@code body} in pieces of {@code chunk} bytes (0: all at once), then ends it. */
  static RecordingListener parse(String boundary, MultipartLimits limits, Buffer body, int chunk) {
    RecordingListener listener = new RecordingListener();
    MultipartParser parser = new MultipartParser(boundary, limits, listener);
    int step = chunk <= 0 ? Math.max(1, body.length()) : chunk;
    for (int i = 0; i < body.length(); i += step) {
      parser.feed(body.slice(i, Math.min(body.length(), i + step)));
    }
    parser.end();
    if (parser.bytesSeen() != body.length()) {
      throw new AssertionError("bytesSeen " + parser.bytesSeen() + " != " + body.length());
    }
    return listener;
  }

  /** Parses whole, in 1-, 2-, 3- and 7-byte chunks; fails unless all give the same events. */
  static List<String> events(String boundary, MultipartLimits limits, Buffer body) {
    List<String> whole = parse(boundary, limits, body, 0).events;
    for (int chunk : new int[] {1, 2, 3, 7}) {
      List<String> chunked = parse(boundary, limits, body, chunk).events;
      if (!chunked.equals(whole)) {
        throw new AssertionError("chunks of " + chunk + " gave " + chunked + "\nwhole body gave " + whole);
      }
    }
    return new ArrayList<>(whole);
  }

  static List<String> events(String boundary, String body) {
    return events(boundary, LIMITS, utf8(body));
  }
}
