package dev.tipflood.server.api.upload.multipart;

import static dev.tipflood.server.api.upload.multipart.Bodies.events;
import static dev.tipflood.server.api.upload.multipart.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Happy paths and tricky data; every test parses whole and in 1/2/3/7-byte chunks (see {@link Bodies}). */
class MultipartParserTest {
  private static final String B = "XyZ42";
  private static final String META = "--" + B + "\r\n"
      + "Content-Disposition: form-data; name=\"metadata\"\r\n"
      + "Content-Type: application/json\r\n\r\n"
      + "{\"text\":\"hi\"}\r\n";
  private static final String CLOSE = "--" + B + "--\r\n";

  private static String start(String name, String filename, String type) {
    return "start " + new PartHeaders(name, filename, type);
  }

  @Test
  void metadataOnly() {
    assertThat(events(B, META + CLOSE)).containsExactly(
        start("metadata", null, "application/json"), "data {\"text\":\"hi\"}", "end", "complete");
  }

  @Test
  void metadataAndTwoFiles() {
    String body = META
        + "--" + B + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"a.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8JPEG\r\n"
        + "--" + B + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"b.mp4\"\r\n"
        + "Content-Type: video/mp4\r\n\r\nMP4 data\r\n" + CLOSE;
    assertThat(events(B, body)).containsExactly(
        start("metadata", null, "application/json"), "data {\"text\":\"hi\"}", "end",
        start("media", "a.jpg", "image/jpeg"), "data \\xc3\\xbf\\xc3\\x98JPEG", "end",
        start("media", "b.mp4", "video/mp4"), "data MP4 data", "end", "complete");
  }

  @Test
  void emptyPartHasNoData() {
    String body = "--" + B + "\r\nContent-Disposition: form-data; name=empty\r\n\r\n\r\n" + CLOSE;
    assertThat(events(B, body)).containsExactly(start("empty", null, null), "data ", "end", "complete");
  }

  @Test
  void preambleAndFirstDelimiterAfterCrlfAreAccepted() {
    String body = "This is a preamble, ignored.\r\n" + META + CLOSE;
    assertThat(events(B, body)).containsExactly(
        start("metadata", null, "application/json"), "data {\"text\":\"hi\"}", "end", "complete");
    assertThat(events(B, "\r\n" + META + CLOSE)).contains("complete");
  }

  @Test
  void delimiterNotAtStartAndNotAfterCrlfIsPreamble() {
    // "xx--XyZ42" is not a delimiter; the first real one is the close delimiter.
    assertThat(events(B, "xx" + META + CLOSE)).containsExactly(
        "error MALFORMED: the first delimiter is the close delimiter '--XyZ42--': the body has no parts");
  }

  @Test
  void epilogueIsIgnoredAndCloseLineNeedsNoCrlf() {
    assertThat(events(B, META + CLOSE + "epilogue\r\nmore")).endsWith("complete");
    assertThat(events(B, META + "--" + B + "--")).endsWith("complete");
    assertThat(events(B, META + "--" + B + "--  \t")).endsWith("complete");
  }

  @Test
  void transportPaddingAfterBoundary() {
    String body = "--" + B + " \t \r\nContent-Disposition: form-data; name=a\r\n\r\nA\r\n--" + B + "\t\r\n"
        + "Content-Disposition: form-data; name=b\r\n\r\nB\r\n" + CLOSE;
    assertThat(events(B, body)).containsExactly(
        start("a", null, null), "data A", "end", start("b", null, null), "data B", "end", "complete");
  }

  @Test
  void quotedNameWithEscapesAndCaseInsensitiveHeaders() {
    String body = "--" + B + "\r\ncOnTeNt-DiSpOsItIoN:FORM-DATA ;  NAME = \"a \\\"q\\\" \\\\ b\" ;\r\n"
        + "content-type:   text/plain; charset=utf-8  \r\nX-Other: ignored\r\n\r\nx\r\n" + CLOSE;
    assertThat(events(B, body)).containsExactly(
        start("a \"q\" \\ b", null, "text/plain; charset=utf-8"), "data x", "end", "complete");
  }

  @Test
  void filenameStarIsPercentDecodedAndPreferred() {
    String body = "--" + B + "\r\nContent-Disposition: form-data; name=media; filename=\"plain.jpg\"; "
        + "filename*=UTF-8''%E2%82%AC%20rates.jpg\r\n\r\nx\r\n" + CLOSE;
    assertThat(events(B, body)).startsWith(start("media", "\u20ac rates.jpg", null));
  }

  @Test
  void emptyFilenameIsKeptAndLatin1FilenameStarIsDecoded() {
    String empty = "--" + B + "\r\nContent-Disposition: form-data; name=media; filename=\"\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n\r\n" + CLOSE;
    assertThat(events(B, empty)).startsWith(start("media", "", "application/octet-stream"));
    String latin1 = "--" + B + "\r\nContent-Disposition: form-data; name=media; filename*=iso-8859-1'de'%E4.txt\r\n"
        + "\r\nx\r\n" + CLOSE;
    assertThat(events(B, latin1)).startsWith(start("media", "\u00e4.txt", null));
  }

  @Test
  void rawUtf8FilenameIsDecoded() {
    String body = "--" + B + "\r\nContent-Disposition: form-data; name=media; filename=\"f\u00e4ncam \ud83c\udfa4.mp4\"\r\n"
        + "\r\nx\r\n" + CLOSE;
    assertThat(events(B, body)).startsWith(start("media", "f\u00e4ncam \ud83c\udfa4.mp4", null));
  }

  @Test
  void regexSpecialBoundary() {
    String b = "()+.?=:,_-/'*[^$]|\\{";
    String body = "--" + b + "\r\nContent-Disposition: form-data; name=a\r\n\r\n.*+?\r\n--" + b + "--";
    assertThat(events(b, body)).containsExactly(start("a", null, null), "data .*+?", "end", "complete");
  }

  @Test
  void boundaryInsideDataWithoutCrlfDashesStaysData() {
    String data = B + " --" + B + " \r\n" + B + " \n--" + B + " \r--" + B + " \r\n-" + B + " -" + B;
    String body = "--" + B + "\r\nContent-Disposition: form-data; name=a\r\n\r\n" + data + "\r\n" + CLOSE;
    assertThat(events(B, body)).containsExactly(
        start("a", null, null), "data " + data.replace("\r", "\\x0d").replace("\n", "\\x0a"), "end", "complete");
  }

  @Test
  void loneCrAndLfInData() {
    String data = "\r\ra\nb\r\n\n\r-\r\n-\r\n";
    String body = "--" + B + "\r\nContent-Disposition: form-data; name=a\r\n\r\n" + data + "\r\n" + CLOSE;
    assertThat(events(B, body).get(1)).isEqualTo("data " + data.replace("\r", "\\x0d").replace("\n", "\\x0a"));
  }

  @Test
  void dataEndingInAlmostTheBoundary() {
    for (String almost : List.of("\r\n--XyZ4", "\r\n--XyZ4\r", "\r\n--XyZ43", "\r\n--", "\r\n-", "\r\n", "\r")) {
      String body = "--" + B + "\r\nContent-Disposition: form-data; name=a\r\n\r\n" + almost + "\r\n" + CLOSE;
      assertThat(events(B, body).get(1))
          .as(almost)
          .isEqualTo("data " + almost.replace("\r", "\\x0d").replace("\n", "\\x0a"));
    }
  }

  @Test
  void dataIsASliceOfTheFedBuffer() {
    String body = "--" + B + "\r\nContent-Disposition: form-data; name=a\r\n\r\nabcdef\r\n" + CLOSE;
    io.vertx.core.buffer.Buffer input = utf8(body);
    io.vertx.core.buffer.Buffer[] seen = new io.vertx.core.buffer.Buffer[1];
    MultipartParser parser = new MultipartParser(B, Bodies.LIMITS, new RecordingListener() {
      @Override
      public void onPartData(io.vertx.core.buffer.Buffer data) {
        seen[0] = data;
      }
    });
    parser.feed(input);
    input.setByte(body.indexOf("abcdef"), (byte) 'Z');
    assertThat(seen[0].toString()).isEqualTo("Zbcdef");
  }
}
