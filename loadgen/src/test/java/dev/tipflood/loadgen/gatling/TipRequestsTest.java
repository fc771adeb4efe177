package dev.tipflood.loadgen.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TipRequestsTest {
  private static final String ID = "0193a5b2c4d6e8f0123456789a";

  @Test
  void theTipIdIsReadFromTheLocationTheServerAnswers() {
    assertThat(TipRequests.tipId("/api/v1/tips/" + ID)).isEqualTo(ID);
    assertThat(TipRequests.tipId("http://127.0.0.1:8080/api/v1/tips/" + ID)).isEqualTo(ID);
  }

  @Test
  void anyOtherLocationNamesNoTip() {
    assertThat(TipRequests.tipId(null)).isNull();
    assertThat(TipRequests.tipId("/api/v1/tips/" + ID.substring(1))).isNull();
    assertThat(TipRequests.tipId("/api/v1/tips/" + ID + "/media")).isNull();
    assertThat(TipRequests.tipId("/api/v1/tips/" + ID.toUpperCase())).isNull();
    assertThat(TipRequests.tipId("/api/v2/tips/" + ID)).isNull();
    assertThat(TipRequests.tipId("http://host/prefix/api/v1/tips/" + ID)).isNull();
  }
}
