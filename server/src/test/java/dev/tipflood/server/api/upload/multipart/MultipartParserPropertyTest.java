package dev.tipflood.server.api.upload.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random bodies built from a model, full of partial delimiter look-alikes, fed in random chunkings:
 * the events must not depend on the chunking and must equal the model.
 */
class MultipartParserPropertyTest {
  private static final MultipartLimits LIMITS = new MultipartLimits(4096, 64, 4096, 4096);

  /** One generated part: what the headers say and the data bytes. */
  record Part(String name, String filename, String contentType, byte[] data, String padding) {}

  /** A generated body: its parts, the framing extras, and how to chunk it. */
  record Body(String boundary, String preamble, List<Part> parts, String epilogue, List<Integer> chunkSizes) {

    Buffer bytes() {
      Buffer out = Buffer.buffer();
      if (!preamble.isEmpty()) {
        out.appendString(preamble).appendString("\r\n");
      }
      for (Part p : parts) {
        out.appendString("--" + boundary + p.padding() + "\r\n");
        out.appendString("Content-Disposition: form-data; name=\"" + quote(p.name()) + "\"", "UTF-8");
        if (p.filename() != null) {
          out.appendString("; filename=\"" + quote(p.filename()) + "\"", "UTF-8");
        }
        out.appendString("\r\n");
        if (p.contentType() != null) {
          out.appendString("Content-Type: " + p.contentType() + "\r\n");
        }
        out.appendString("\r\n").appendBytes(p.data()).appendString("\r\n");
      }
      return out.appendString("--" + boundary + "--\r\n" + epilogue);
    }

    List<String> modelEvents() {
      List<String> events = new ArrayList<>();
      for (Part p : parts) {
        events.add("start " + new PartHeaders(p.name(), p.filename(), p.contentType()));
        events.add("data " + RecordingListener.escape(Buffer.buffer(p.data())));
        events.add("end");
      }
      events.add("complete");
      return events;
    }

    /** No data or preamble holds the real delimiter, and the preamble does not start with "--" boundary. */
    boolean wellFormed() {
      byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
      return parts.stream().noneMatch(p -> contains(p.data(), delimiter))
          && !contains(preamble.getBytes(StandardCharsets.ISO_8859_1), delimiter)
          && !preamble.startsWith("--" + boundary);
    }

    private static String quote(String s) {
      return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
  }

  @Property(tries = 400)
  void eventsDoNotDependOnChunkingAndMatchTheModel(@ForAll("bodies") Body body) {
    Buffer bytes = body.bytes();
    List<String> whole = Bodies.parse(body.boundary(), LIMITS, bytes, 0).events;
    assertThat(whole).isEqualTo(body.modelEvents());
    assertThat(Bodies.parse(body.boundary(), LIMITS, bytes, 1).events).isEqualTo(whole);
    assertThat(feedInChunks(body, bytes)).isEqualTo(whole);
  }

  private static List<String> feedInChunks(Body body, Buffer bytes) {
    RecordingListener listener = new RecordingListener();
    MultipartParser parser = new MultipartParser(body.boundary(), LIMITS, listener);
    int pos = 0;
    for (int i = 0; pos < bytes.length(); i++) {
      int size = body.chunkSizes().get(i % body.chunkSizes().size());
      int end = Math.min(bytes.length(), pos + size);
      parser.feed(bytes.slice(pos, end));
      pos = end;
    }
    parser.end();
    return listener.events;
  }

  @Provide
  Arbitrary<Body> bodies() {
    Arbitrary<String> boundaries = Arbitraries.strings().withChars("aZ09-_'()+,./:=? ").ofMinLength(1).ofMaxLength(12)
        .filter(b -> !b.endsWith(" "));
    return boundaries.flatMap(b -> Combinators.combine(
            preambles(b),
            parts(b).list().ofMinSize(1).ofMaxSize(5),
            Arbitraries.strings().ofMaxLength(20),
            Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(8))
        .as((preamble, parts, epilogue, chunks) -> new Body(b, preamble, parts, epilogue, chunks)))
        .filter(Body::wellFormed);
  }

  private static Arbitrary<String> preambles(String boundary) {
    return Arbitraries.oneOf(Arbitraries.just(""),
        pieces(boundary).list().ofMaxSize(4).map(list -> new String(concat(list), StandardCharsets.ISO_8859_1)));
  }

  private static Arbitrary<Part> parts(String boundary) {
    Arbitrary<String> names = Arbitraries.strings().withChars("ab\"\\ é;=").ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> filenames = Arbitraries.strings().withChars("x.\"\\ ü€").ofMinLength(1).ofMaxLength(6)
        .injectNull(0.4);
    Arbitrary<String> types = Arbitraries.of("image/jpeg", "application/json", "video/mp4; codecs=x").injectNull(0.4);
    Arbitrary<byte[]> data = pieces(boundary).list().ofMaxSize(12).map(MultipartParserPropertyTest::concat);
    Arbitrary<String> padding = Arbitraries.of("", "", " ", "\t ");
    return Combinators.combine(names, filenames, types, data, padding).as(Part::new);
  }

  /** Random bytes mixed with CR, LF, dashes and prefixes of the delimiter. */
  private static Arbitrary<byte[]> pieces(String boundary) {
    String delimiter = "\r\n--" + boundary;
    List<byte[]> lookAlikes = new ArrayList<>();
    for (int i = 1; i < delimiter.length(); i++) {
      lookAlikes.add(delimiter.substring(0, i).getBytes(StandardCharsets.US_ASCII));
    }
    lookAlikes.add(("--" + boundary).getBytes(StandardCharsets.US_ASCII));
    lookAlikes.add(boundary.getBytes(StandardCharsets.US_ASCII));
    lookAlikes.add(new byte[] {'\r'});
    lookAlikes.add(new byte[] {'\n'});
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(30)),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(lookAlikes)));
  }

  static byte[] concat(List<byte[]> pieces) {
    Buffer out = Buffer.buffer();
    pieces.forEach(out::appendBytes);
    return out.getBytes();
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
