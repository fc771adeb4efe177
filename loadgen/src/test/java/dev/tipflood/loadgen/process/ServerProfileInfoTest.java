package dev.tipflood.loadgen.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerProfileInfoTest {
  @Test
  void heapIsReadAsTextOrBytes() throws Exception {
    assertThat(ServerProfileInfo.parse("{\"jvm\":{\"heap\":\"256MB\"}}").xmx()).isEqualTo("-Xmx256m");
    assertThat(ServerProfileInfo.parse("{\"jvm\":{\"heap\":\"1GB\"}}").xmx()).isEqualTo("-Xmx1024m");
    assertThat(ServerProfileInfo.parse("{\"jvm\":{\"heap\":134217728}}").xmx()).isEqualTo("-Xmx128m");
  }

  @Test
  void aMissingHeapIsAClearError() {
    assertThatThrownBy(() -> ServerProfileInfo.parse("{\"name\":\"naive\"}")).hasMessageContaining("jvm.heap");
  }
}
