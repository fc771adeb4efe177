package dev.tipflood.loadgen.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetSafetyTest {

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1", "http://127.255.3.4/", "http://[::1]:8080",
      "https://LOCALHOST"})
  void loopbackTargetsAreAllowed(String url) {
    assertThat(TargetSafety.isLoopback(URI.create(url))).isTrue();
    assertThat(TargetSafety.refusal(URI.create(url), false)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.0.0.1:8080", "http://example.org", "http://128.0.0.1", "http://[::2]:80",
      "http://localhost.example.org", "http://127.0.0.1.nip.io"})
  void otherTargetsAreRefusedWithoutConfirmation(String url) {
    assertThat(TargetSafety.isLoopback(URI.create(url))).isFalse();
    assertThat(TargetSafety.refusal(URI.create(url), false)).contains("--i-own-this-target").contains(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.0.0.1:8080", "http://example.org"})
  void ownerConfirmationAllowsThemAndTheWarningIsLoud(String url) {
    assertThat(TargetSafety.refusal(URI.create(url), true)).isNull();
    assertThat(TargetSafety.warning(URI.create(url))).contains("FLOOD " + url).contains("NOT this machine");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://127.0.0.1/", "127.0.0.1:8080", "/relative", "http://bad host/"})
  void nonHttpTargetsAreRefusedEvenWhenConfirmed(String url) {
    assertThatThrownBy(() -> TargetSafety.check(url, true)).isInstanceOf(TargetRefusedException.class)
        .hasMessageContaining("not an absolute http(s) URL");
  }

  @Test
  void checkReturnsTheParsedLoopbackTarget() {
    assertThat(TargetSafety.check("http://127.0.0.1:8080", false)).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThatThrownBy(() -> TargetSafety.check("http://192.0.2.1:8080", false)).isInstanceOf(TargetRefusedException.class);
  }
}
