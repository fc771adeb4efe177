package dev.tipflood.server.api.upload.multipart;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a parser's events as text, with consecutive data events merged, so that the record
 * does not depend on how the body was chunked. Fails the test on any event after onError or
 * onComplete, and on data outside a part.
 */
class RecordingListener implements MultipartListener {
  final List<String> events = new ArrayList<>();
  MultipartException error;
  private boolean inPart;
  private boolean finished;
  private Buffer data;

  @Override
  public void onPartStart(PartHeaders headers) {
    check(!inPart, "onPartStart inside a part");
    inPart = true;
    data = Buffer.buffer();
    events.add("start " + headers);
  }

  @Override
  public void onPartData(Buffer chunk) {
    check(inPart, "onPartData outside a part");
    check(chunk.length() > 0, "empty onPartData");
    data.appendBuffer(chunk);
  }

  @Override
  public void onPartEnd() {
    check(inPart, "onPartEnd outside a part");
    inPart = false;
    events.add("data " + escape(data));
    events.add("end");
  }

  @Override
  public void onComplete() {
    check(!inPart, "onComplete inside a part");
    finished = true;
    events.add("complete");
  }

  @Override
  public void onError(MultipartException e) {
    if (inPart) {
      events.add("data " + escape(data));
      inPart = false;
    }
    finished = true;
    error = e;
    events.add("error " + e.kind() + ": " + e.getMessage());
  }

  private void check(boolean ok, String what) {
    if (finished) {
      throw new AssertionError("event after onError/onComplete: " + what + " " + events);
    }
    if (!ok) {
      throw new AssertionError(what + " " + events);
    }
  }

  static String escape(Buffer b) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < b.length(); i++) {
      int c = b.getByte(i) & 0xff;
      if (c >= 0x20 && c < 0x7f && c != '\\') {
        out.append((char) c);
      } else {
        out.append(String.format("\\x%02x", c));
      }
    }
    return out.toString();
  }
}
