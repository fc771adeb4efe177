package dev.tipflood.loadgen.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerProfileInfoTest {
  @Test
  void heapComesFromTheCapacityInBytes() throws Exception {
    assertThat(ServerProfileInfo.parse("{\"profile\":{\"name\":\"naive\"},\"capacity\":{\"heap\":{\"bytes\":268435456}}}")
        .xmx()).isEqualTo("-Xmx256m");
    assertThat(ServerProfileInfo.parse("{\"profile\":{},\"capacity\":{\"heap\":{\"bytes\":1073741824}}}").xmx())
        .isEqualTo("-Xmx1024m");
    assertThat(ServerProfileInfo.parse("{\"profile\":{},\"capacity\":{\"heap\":{\"bytes\":1000}}}").xmx())
        .as("at least 64m").isEqualTo("-Xmx64m");
  }

  @Test
  void outputWithoutCapacityIsRefusedByName() {
    assertThatThrownBy(() -> ServerProfileInfo.parse("{\"jvm\":{\"heap\":\"256MB\"}}"))
        .hasMessageContaining("capacity.heap.bytes");
  }
}
