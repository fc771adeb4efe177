package dev.tipflood.server.api.upload.multipart;

import static dev.tipflood.server.api.upload.multipart.Bodies.LIMITS;
import static dev.tipflood.server.api.upload.multipart.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of a nested multipart/mixed body (RFC 2388 section 4.2, as Netty's encoder sends several files). */
class MultipartMixedTest {
  private static final String B = "mixed-77";
  private static final String CLOSE = "--" + B + "--\r\n";

  private static List<String> events(String body) {
    RecordingListener listener = new RecordingListener();
    MultipartParser parser = MultipartParser.mixed(B, "media", LIMITS, listener);
    // Byte by byte: the nested body arrives as whatever slices the outer part's data came in.
    Buffer bytes = utf8(body);
    for (int i = 0; i < bytes.length(); i++) {
      parser.feed(bytes.slice(i, i + 1));
    }
    parser.end();
    return listener.events;
  }

  @Test
  void attachmentsWithoutNameTakeTheOuterName() {
    String body = "--" + B + "\r\nContent-Disposition: attachment; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
        + "AAA\r\n--" + B + "\r\nContent-Disposition: file; filename=\"b.mp4\"\r\nContent-Type: video/mp4\r\n\r\n"
        + "BB\r\n" + CLOSE;
    assertThat(events(body)).containsExactly(
        "start " + new PartHeaders("media", "a.jpg", "image/jpeg"), "data AAA", "end",
        "start " + new PartHeaders("media", "b.mp4", "video/mp4"), "data BB", "end", "complete");
  }

  @Test
  void anExplicitNameIsKept() {
    String body = "--" + B + "\r\nContent-Disposition: form-data; name=\"other\"; filename=\"c.png\"\r\n\r\nC\r\n" + CLOSE;
    assertThat(events(body)).startsWith("start " + new PartHeaders("other", "c.png", null));
  }

  @Test
  void anUnknownDispositionIsMalformed() {
    String body = "--" + B + "\r\nContent-Disposition: weird; filename=\"a.jpg\"\r\n\r\nA\r\n" + CLOSE;
    assertThat(events(body)).containsExactly("error MALFORMED: part 1: Content-Disposition is 'weird', expected "
        + "attachment, file, inline or form-data in a nested multipart/mixed");
  }

  @Test
  void theOuterParserStillRequiresFormData() {
    String body = "--" + B + "\r\nContent-Disposition: attachment; filename=\"a.jpg\"\r\n\r\nA\r\n" + CLOSE;
    assertThat(Bodies.events(B, body)).hasSize(1).allMatch(e -> e.startsWith("error MALFORMED:")
        && e.contains("expected form-data"));
  }
}
