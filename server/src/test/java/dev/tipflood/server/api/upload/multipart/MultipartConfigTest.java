package dev.tipflood.server.api.upload.multipart;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.binding.InvalidFieldException;
import org.junit.jupiter.api.Test;

class MultipartConfigTest {

  @Test
  void limitsNameTheInvalidField() {
    assertThatThrownBy(() -> new MultipartLimits(0, 1, 0, 0)).isInstanceOf(InvalidFieldException.class)
        .hasMessage("maxHeaderBytesPerPart: must be at least 1, was 0");
    assertThatThrownBy(() -> new MultipartLimits(1, 0, 0, 0)).hasMessage("maxParts: must be at least 1, was 0");
    assertThatThrownBy(() -> new MultipartLimits(1, 1, -1, 0)).hasMessage("maxPreambleBytes: must be 0 or more, was -1");
    assertThatThrownBy(() -> new MultipartLimits(1, 1, 0, -2)).hasMessage("maxEpilogueBytes: must be 0 or more, was -2");
  }

  @Test
  void boundaryIsChecked() {
    MultipartLimits limits = MultipartLimits.defaults();
    RecordingListener listener = new RecordingListener();
    assertThatThrownBy(() -> new MultipartParser("", limits, listener))
        .hasMessage("boundary must be 1-70 characters, was 0");
    assertThatThrownBy(() -> new MultipartParser("x".repeat(71), limits, listener))
        .hasMessage("boundary must be 1-70 characters, was 71");
    assertThatThrownBy(() -> new MultipartParser("ab\r\n", limits, listener))
        .hasMessage("boundary has a CR, LF or non-ASCII character at index 2");
  }
}
