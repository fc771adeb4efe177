package dev.tipflood.server.api.upload.multipart;

import static dev.tipflood.server.api.upload.multipart.Bodies.events;
import static dev.tipflood.server.api.upload.multipart.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.api.upload.multipart.MultipartException.Kind;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every error kind with its message; every test parses whole and in 1/2/3/7-byte chunks. */
class MultipartParserErrorTest {
  private static final String B = "b0undary";
  private static final String PART_A = "--" + B + "\r\nContent-Disposition: form-data; name=a\r\n\r\nA\r\n";
  private static final String CLOSE = "--" + B + "--\r\n";

  private static String last(List<String> events) {
    return events.get(events.size() - 1);
  }

  private static String headerError(String headerLines) {
    return last(events(B, "--" + B + "\r\n" + headerLines + "\r\nA\r\n" + CLOSE));
  }

  @Test
  void noBoundaryWhenTheBodyHasAnotherBoundary() {
    assertThat(events(B, "--other\r\nContent-Disposition: form-data; name=a\r\n\r\nA\r\n--other--\r\n"))
        .containsExactly("error NO_BOUNDARY: the body (65 bytes) has no delimiter '--b0undary'; "
            + "it is probably framed with another boundary");
  }

  @Test
  void noBoundaryForAnEmptyBody() {
    assertThat(events(B, "")).containsExactly(
        "error NO_BOUNDARY: the body (0 bytes) has no delimiter '--b0undary'; it is probably framed with another boundary");
  }

  @Test
  void noBoundaryAsSoonAsThePreambleAllowanceIsExceeded() {
    MultipartLimits limits = new MultipartLimits(1024, 8, 10, 0);
    RecordingListener listener = new RecordingListener();
    MultipartParser parser = new MultipartParser(B, limits, listener);
    parser.feed(utf8("0123456789"));
    assertThat(listener.events).isEmpty();
    parser.feed(utf8("x"));
    assertThat(listener.events).containsExactly("error NO_BOUNDARY: the declared boundary 'b0undary' was not "
        + "found in the first 10 bytes of the body (maxPreambleBytes); it is probably framed with another boundary");
    parser.feed(utf8(PART_A + CLOSE));
    parser.end();
    assertThat(listener.events).hasSize(1);
  }

  @Test
  void preambleOfExactlyTheAllowanceIsAccepted() {
    MultipartLimits limits = new MultipartLimits(1024, 8, 10, 0);
    assertThat(events(B, limits, utf8("0123456789\r\n" + PART_A + CLOSE))).endsWith("complete");
    assertThat(last(events(B, limits, utf8("0123456789x\r\n" + PART_A + CLOSE)))).startsWith("error NO_BOUNDARY");
  }

  @Test
  void malformedAfterBoundary() {
    assertThat(events(B, "--" + B + "x\r\n")).containsExactly(
        "error MALFORMED: at the first delimiter: expected CRLF or '--' after the boundary, found 'x'");
    assertThat(events(B, "--" + B + "\r\r\n")).containsExactly(
        "error MALFORMED: at the first delimiter: expected LF after CR after the boundary, found byte 0x0d");
    assertThat(last(events(B, PART_A + "--" + B + "-x"))).isEqualTo(
        "error MALFORMED: at the delimiter after part 1: expected '--' after the boundary, found 'x'");
    assertThat(last(events(B, PART_A + "--" + B + "  x"))).isEqualTo(
        "error MALFORMED: at the delimiter after part 1: expected CRLF after the boundary's padding, found 'x'");
  }

  @Test
  void malformedHeaderLines() {
    assertThat(headerError("Content-Disposition: form-data; name=a\r\nno colon here\r\n")).isEqualTo(
        "error MALFORMED: part 1: header line without ':': 'no colon here'");
    assertThat(headerError("Content-Disposition: form-data;\r\n name=a\r\n")).isEqualTo(
        "error MALFORMED: part 1: obsolete header line folding (line starts with a space or tab): ' name=a'");
    assertThat(headerError("Content-Disposition: form-data; name=a\n")).isEqualTo(
        "error MALFORMED: part 1: header line ends in a bare LF, not CRLF");
    assertThat(headerError("Content-Disposition: form-data; name=a\rX: y\r\n")).isEqualTo(
        "error MALFORMED: part 1: bare CR inside header line 'Content-Disposition: form-data; name=a\\x0dX: y'");
    assertThat(headerError("Content Type: x\r\n")).isEqualTo(
        "error MALFORMED: part 1: header name contains a space, control or non-ASCII character: 'Content Type: x'");
    assertThat(headerError(": x\r\n")).isEqualTo("error MALFORMED: part 1: header line with an empty name: ': x'");
  }

  @Test
  void malformedContentDisposition() {
    assertThat(headerError("Content-Type: text/plain\r\n")).isEqualTo(
        "error MALFORMED: part 1: no Content-Disposition header");
    assertThat(headerError("Content-Disposition: attachment; name=a\r\n")).isEqualTo(
        "error MALFORMED: part 1: Content-Disposition is 'attachment', expected form-data");
    assertThat(headerError("Content-Disposition: form-data; filename=\"x.jpg\"\r\n")).isEqualTo(
        "error MALFORMED: part 1: Content-Disposition has no name parameter");
    assertThat(headerError("Content-Disposition: form-data; name=\"\"\r\n")).isEqualTo(
        "error MALFORMED: part 1: Content-Disposition has an empty name parameter");
    assertThat(headerError("Content-Disposition: form-data; name=\"a\r\n")).isEqualTo(
        "error MALFORMED: part 1: Content-Disposition 'form-data; name=\"a' has an unterminated quoted string");
    assertThat(headerError("Content-Disposition: form-data; name=a; name=b\r\n")).isEqualTo(
        "error MALFORMED: part 1: Content-Disposition has the name parameter twice");
    assertThat(headerError("Content-Disposition: form-data; name=a b\r\n")).isEqualTo(
        "error MALFORMED: part 1: Content-Disposition 'form-data; name=a b' expected ';' at index 18");
    assertThat(headerError("Content-Disposition: form-data; name=a\r\nContent-Disposition: form-data; name=b\r\n"))
        .isEqualTo("error MALFORMED: part 1: more than one Content-Disposition header");
    assertThat(headerError("Content-Disposition: form-data; name=a; filename*=UTF-8''%E2%8\r\n")).isEqualTo(
        "error MALFORMED: part 1: filename* 'UTF-8''%E2%8' has a bad percent escape at index 10");
    assertThat(headerError("Content-Disposition: form-data; name=a; filename*=\"UTF-8''%\u0663\u0663\"\r\n")).isEqualTo(
        "error MALFORMED: part 1: filename* 'UTF-8''%\u0663\u0663' has a bad percent escape at index 7");
    assertThat(headerError("Content-Disposition: form-data; name=a; filename*=KOI8-R''x\r\n")).isEqualTo(
        "error MALFORMED: part 1: filename* charset 'KOI8-R' is not UTF-8 or ISO-8859-1");
  }

  @Test
  void malformedInTheSecondPartNamesIt() {
    assertThat(events(B, PART_A + "--" + B + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n" + CLOSE))
        .containsExactly("start " + new PartHeaders("a", null, null), "data A", "end",
            "error MALFORMED: part 2: Content-Disposition has no name parameter");
  }

  @Test
  void headersTooLargeAsSoonAsTheCapIsPassed() {
    MultipartLimits limits = new MultipartLimits(64, 8, 0, 0);
    RecordingListener listener = new RecordingListener();
    MultipartParser parser = new MultipartParser(B, limits, listener);
    parser.feed(utf8("--" + B + "\r\nX-Filler: " + "y".repeat(64 - "X-Filler: ".length())));
    assertThat(listener.events).isEmpty();
    parser.feed(utf8("y"));
    assertThat(listener.events).containsExactly(
        "error HEADERS_TOO_LARGE: part 1: header block is over maxHeaderBytesPerPart=64 bytes");
  }

  @Test
  void headerBlockOfExactlyTheCapIsAccepted() {
    String disposition = "Content-Disposition: form-data; name=a\r\n";
    MultipartLimits limits = new MultipartLimits(disposition.length() + 2, 8, 0, 0);
    assertThat(events(B, limits, utf8(PART_A + CLOSE))).endsWith("complete");
    MultipartLimits smaller = new MultipartLimits(disposition.length() + 1, 8, 0, 0);
    assertThat(last(events(B, smaller, utf8(PART_A + CLOSE)))).startsWith("error HEADERS_TOO_LARGE: part 1:");
  }

  @Test
  void tooManyPartsWhenTheNextPartStarts() {
    MultipartLimits limits = new MultipartLimits(1024, 2, 0, 0);
    String partB = PART_A.replace("name=a", "name=b").replace("\nA", "\nB");
    assertThat(events(B, limits, utf8(PART_A + partB + CLOSE))).endsWith("complete");
    assertThat(events(B, limits, utf8(PART_A + partB + PART_A + CLOSE))).containsExactly(
        "start " + new PartHeaders("a", null, null), "data A", "end",
        "start " + new PartHeaders("b", null, null), "data B", "end",
        "error TOO_MANY_PARTS: part 3 starts, but maxParts is 2");
  }

  @Test
  void truncatedInsideAPart() {
    assertThat(events(B, PART_A + "--" + B + "\r\nContent-Disposition: form-data; name=c\r\n\r\nhalf a fi"))
        .endsWith("data half a fi",
            "error TRUNCATED: the body ended in part 2 before the closing boundary '--b0undary--'");
    assertThat(last(events(B, PART_A.substring(0, 20)))).isEqualTo(
        "error TRUNCATED: the body ended in part 1 before the closing boundary '--b0undary--'");
    assertThat(last(events(B, "--" + B))).isEqualTo(
        "error TRUNCATED: the body ended after the first delimiter before the closing boundary '--b0undary--'");
    assertThat(last(events(B, PART_A + "--" + B + "-"))).startsWith("error TRUNCATED");
  }

  @Test
  void epilogueTooLarge() {
    MultipartLimits limits = new MultipartLimits(1024, 8, 0, 4);
    assertThat(events(B, limits, utf8(PART_A + CLOSE + "1234"))).endsWith("complete");
    assertThat(events(B, limits, utf8(PART_A + "--" + B + "-- \t\r\n1234"))).endsWith("complete");
    assertThat(events(B, limits, utf8(PART_A + CLOSE + "12345"))).endsWith(
        "error EPILOGUE_TOO_LARGE: more than 4 bytes after the closing boundary '--b0undary--' (maxEpilogueBytes)");
    assertThat(last(events(B, limits, utf8(PART_A + "--" + B + "--\r1234")))).startsWith("error EPILOGUE_TOO_LARGE");
  }

  @Test
  void inputAfterAnErrorIsIgnoredAndEndReportsNothingMore() {
    RecordingListener listener = new RecordingListener();
    MultipartParser parser = new MultipartParser(B, Bodies.LIMITS, listener);
    parser.feed(utf8("--" + B + "x"));
    parser.feed(utf8(PART_A + CLOSE));
    parser.end();
    assertThat(listener.events).hasSize(1);
    assertThat(listener.error.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(parser.bytesSeen()).isEqualTo(B.length() + 3 + PART_A.length() + CLOSE.length());
  }

  @Test
  void listenerExceptionInOnPartStartStopsTheParser() {
    RuntimeException unknownPart = new IllegalArgumentException("unknown part 'a'");
    RecordingListener listener = new RecordingListener() {
      @Override
      public void onPartStart(PartHeaders headers) {
        throw unknownPart;
      }
    };
    MultipartParser parser = new MultipartParser(B, Bodies.LIMITS, listener);
    Buffer body = utf8(PART_A + CLOSE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.feed(body)).isSameAs(unknownPart);
    parser.feed(body);
    parser.end();
    assertThat(listener.events).isEmpty();
    assertThat(listener.error).isNull();
  }

  @Test
  void listenerExceptionInOnPartDataStopsTheParser() {
    RuntimeException tooBig = new IllegalStateException("part over its cap");
    RecordingListener listener = new RecordingListener() {
      @Override
      public void onPartData(Buffer data) {
        throw tooBig;
      }
    };
    MultipartParser parser = new MultipartParser(B, Bodies.LIMITS, listener);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.feed(utf8(PART_A))).isSameAs(tooBig);
    parser.feed(utf8(CLOSE));
    parser.end();
    assertThat(listener.events).containsExactly("start " + new PartHeaders("a", null, null));
  }

  @Test
  void feedAfterEndIsAProgrammingError() {
    MultipartParser parser = new MultipartParser(B, Bodies.LIMITS, new RecordingListener());
    parser.end();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.feed(utf8("x")))
        .isInstanceOf(IllegalStateException.class);
  }
}
