package dev.tipflood.server.api.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Back-pressure of a media part: what the parser pushes waits while the reader has no demand, and the body is held. */
class PartStreamTest {
  private final List<String> request = new ArrayList<>();
  private final RequestFlow flow = new RequestFlow(() -> request.add("pause"), () -> request.add("resume"));
  private final List<String> read = new ArrayList<>();

  private static Buffer b(String s) {
    return Buffer.buffer(s);
  }

  private PartStream reading(PartStream part) {
    part.handler(data -> read.add(data.toString()));
    part.endHandler(v -> read.add("end"));
    return part;
  }

  @Test
  void dataBeforeAReaderWaitsAndHoldsTheBody() {
    PartStream part = new PartStream(flow);
    part.push(b("a"));
    part.push(b("b"));
    assertThat(request).containsExactly("pause");
    reading(part);
    assertThat(read).containsExactly("a", "b");
    assertThat(request).containsExactly("pause", "resume");
  }

  @Test
  void aPausedReaderGetsEverythingInOrderOnResume() {
    PartStream part = reading(new PartStream(flow));
    part.push(b("1"));
    part.pause();
    part.push(b("2"));
    part.push(b("3"));
    part.end();
    assertThat(read).containsExactly("1");
    assertThat(request).containsExactly("pause");
    part.fetch(1);
    assertThat(read).containsExactly("1", "2");
    assertThat(request).containsExactly("pause");
    part.resume();
    assertThat(read).containsExactly("1", "2", "3", "end");
    assertThat(request).containsExactly("pause", "resume");
  }

  @Test
  void theEndWaitsForTheLastChunk() {
    PartStream part = new PartStream(flow);
    part.pause();
    reading(part);
    part.push(b("x"));
    part.end();
    assertThat(read).isEmpty();
    part.resume();
    assertThat(read).containsExactly("x", "end");
  }

  @Test
  void aClosedPipeDropsTheRestAndReleasesTheBody() {
    PartStream part = reading(new PartStream(flow));
    part.pause();
    part.push(b("kept back"));
    assertThat(request).containsExactly("pause");
    part.handler(null);
    part.push(b("later"));
    part.resume();
    assertThat(read).isEmpty();
    assertThat(request).containsExactly("pause", "resume");
  }

  @Test
  void aPipeClosedBeforeItWasConnectedAlsoReleasesTheBody() {
    PartStream part = new PartStream(flow);
    part.pause();
    part.push(b("waiting for the file to open"));
    assertThat(request).containsExactly("pause");
    part.handler(null);
    part.push(b("later"));
    assertThat(request).containsExactly("pause", "resume");
  }

  @Test
  void theBodyResumesOnlyWhenNoPartHoldsIt() {
    PartStream first = new PartStream(flow);
    PartStream second = new PartStream(flow);
    first.push(b("f"));
    second.push(b("s"));
    reading(first);
    assertThat(request).containsExactly("pause");
    second.handler(data -> read.add(data.toString()));
    assertThat(read).containsExactly("f", "s");
    assertThat(request).containsExactly("pause", "resume");
  }
}
