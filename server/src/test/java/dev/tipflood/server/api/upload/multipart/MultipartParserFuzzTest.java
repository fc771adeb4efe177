package dev.tipflood.server.api.upload.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tipflood.server.api.error.PrintableLine;
import io.vertx.core.buffer.Buffer;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the streaming multipart parser (Jazzer). Any body, fed whole or in
 * chunks of any size, must end in exactly one onComplete or onError, with the same events
 * either way, and never throw. Regression inputs (every finding included) live in
 * {@code src/test/resources/.../MultipartParserFuzzTestInputs/}; {@code mvn verify} replays them,
 * {@code JAZZER_FUZZ=1} fuzzes for the budget below (docs/reliability.md, "Fuzzing").
 */
class MultipartParserFuzzTest {
  static final String BOUNDARY = "b0undary";
  // Small caps, so the fuzzer reaches every limit quickly.
  private static final MultipartLimits LIMITS = new MultipartLimits(256, 4, 64, 64);

  @FuzzTest(maxDuration = "10s")
  void anyBodyInAnyChunkingEndsOnceTheSameWay(FuzzedDataProvider data) {
    int chunk = data.consumeInt(1, 97);
    byte[] body = data.consumeRemainingAsBytes();
    RecordingListener whole = parse(body, Math.max(1, body.length));
    RecordingListener chunked = parse(body, chunk);
    assertThat(chunked.events).as("events fed in %d-byte chunks", chunk).isEqualTo(whole.events);
    String last = whole.events.isEmpty() ? "" : whole.events.get(whole.events.size() - 1);
    assertThat(last).as("the last event, its message one printable line").matches("complete|error " + PrintableLine.REGEX);
  }

  private static RecordingListener parse(byte[] body, int chunk) {
    RecordingListener listener = new RecordingListener();
    MultipartParser parser = new MultipartParser(BOUNDARY, LIMITS, listener);
    for (int off = 0; off < body.length; off += chunk) {
      parser.feed(Buffer.buffer(Arrays.copyOfRange(body, off, Math.min(body.length, off + chunk))));
    }
    parser.end();
    return listener;
  }
}
