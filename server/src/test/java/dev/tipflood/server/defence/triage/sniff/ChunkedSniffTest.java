package dev.tipflood.server.defence.triage.sniff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.MediaPart;
import dev.tipflood.server.defence.PartScanner;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import dev.tipflood.server.defence.triage.MediaFiles;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sniffer and its structure walkers on files cut into chunks of every size from 1 byte up:
 * a walker's state must survive any chunk boundary, as the network cuts bodies anywhere.
 */
class ChunkedSniffTest {
  private static final int[] CHUNKS = {1, 2, 3, 5, 8, 13, 64, 1000, 65_536, Integer.MAX_VALUE};

  static Decision run(String declared, byte[] file, int chunk) {
    return MediaSniffRunner.run(declared, file, chunk);
  }

  static Stream<Arguments> good() {
    return Stream.of(
        Arguments.of("image/jpeg", MediaFiles.jpeg(1)),
        Arguments.of("image/png", MediaFiles.png(2)),
        Arguments.of("image/gif", MediaFiles.gif(3)),
        Arguments.of("image/gif", MediaFiles.gifFrames(50)),
        Arguments.of("video/x-msvideo", MediaFiles.avi(4)),
        Arguments.of("application/octet-stream", MediaFiles.png(5)));
  }

  @ParameterizedTest
  @MethodSource("good")
  void goodFilesPassWhateverTheChunking(String type, byte[] file) {
    for (int chunk : CHUNKS) {
      assertThat(run(type, file, chunk)).as("chunks of " + chunk).isInstanceOf(Decision.Admit.class);
    }
  }

  static Stream<Arguments> bad() {
    byte[] jpeg = MediaFiles.jpeg(6);
    return Stream.of(
        Arguments.of("image/png", MediaFiles.pngDeclaring(50_000, 50_000), Reason.MEDIA_TOO_MANY_PIXELS),
        Arguments.of("image/gif", MediaFiles.gifFrames(10_000), Reason.MEDIA_TOO_MANY_FRAMES),
        Arguments.of("image/jpeg", MediaFiles.jpegZipPolyglot(7), Reason.MEDIA_POLYGLOT),
        Arguments.of("image/jpeg", Arrays.copyOf(jpeg, jpeg.length - 10), Reason.MEDIA_TRUNCATED),
        Arguments.of("image/png", Arrays.copyOf(MediaFiles.png(8), 300), Reason.MEDIA_TRUNCATED),
        Arguments.of("image/gif", Arrays.copyOf(MediaFiles.gifFrames(5), 60), Reason.MEDIA_TRUNCATED),
        Arguments.of("video/x-msvideo", MediaFiles.avi(new byte[][] {jpeg}, 1, 160, 120, 0xFFFF_FFF0L),
            Reason.MEDIA_HEADER_INVALID),
        Arguments.of("video/x-msvideo", MediaFiles.avi(new byte[][] {jpeg}, 1_000_000, 160, 120, -1),
            Reason.MEDIA_TOO_MANY_FRAMES),
        Arguments.of("video/x-msvideo", Arrays.copyOf(MediaFiles.avi(9), 500), Reason.MEDIA_TRUNCATED),
        Arguments.of("video/mp4", MediaFiles.mp4AbsurdBox(), Reason.MEDIA_HEADER_INVALID),
        Arguments.of("image/jpeg", MediaFiles.png(10), Reason.MEDIA_TYPE_MISMATCH),
        Arguments.of("image/jpeg", new byte[0], Reason.MEDIA_EMPTY));
  }

  @ParameterizedTest
  @MethodSource("bad")
  void badFilesAreRefusedForTheSameReasonWhateverTheChunking(String type, byte[] file, Reason reason) {
    for (int chunk : CHUNKS) {
      Decision d = run(type, file, chunk);
      assertThat(d).as("chunks of " + chunk).isInstanceOf(Decision.Reject.class);
      assertThat(((Decision.Reject) d).reason()).as("chunks of " + chunk).isEqualTo(reason);
    }
  }

  @ParameterizedTest
  @MethodSource("good")
  void everyTruncationOfAGoodStillIsCaughtOrIsItselfWellFormed(String type, byte[] file) {
    // Cutting a file anywhere must never pass silently unless the cut keeps the format's end marker.
    long passed = IntStream.range(1, Math.min(file.length, 400)).filter(cut -> cut < file.length)
        .filter(cut -> run(type, Arrays.copyOf(file, file.length - cut), 4096) instanceof Decision.Admit).count();
    assertThat(passed).isZero();
  }
}
