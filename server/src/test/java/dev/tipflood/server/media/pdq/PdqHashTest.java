package dev.tipflood.server.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PdqHashTest {
  private static final String BRIDGE = "f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22";

  @Test
  void hexRoundTripsInMetasLayout() {
    PdqHash h = PdqHash.fromHex(BRIDGE);
    assertThat(h.toHex()).isEqualTo(BRIDGE);
    // The last four hex digits are word 0, the first four word 15.
    assertThat(h.word(0)).isEqualTo(0x9b22);
    assertThat(h.word(15)).isEqualTo(0xf8f8);
    assertThat(PdqHash.fromHex(BRIDGE.toUpperCase())).isEqualTo(h);
  }

  @Test
  void wordsAndBitsAgree() {
    int[] words = new int[16];
    words[3] = 1 << 5;
    PdqHash h = PdqHash.fromWords(words);
    assertThat(h.bit(3 * 16 + 5)).isTrue();
    assertThat(h.bitCount()).isEqualTo(1);
    assertThat(h.toHex()).isEqualTo("0".repeat(48) + "0020" + "0".repeat(12));
  }

  @Test
  void hammingDistanceCountsDifferingBits() {
    SplittableRandom r = new SplittableRandom(7);
    PdqHash a = RandomHashes.random(r);
    assertThat(a.hammingDistance(a)).isZero();
    assertThat(a.hammingDistance(RandomHashes.near(a, 31, r))).isEqualTo(31);
    PdqHash zero = PdqHash.of(0, 0, 0, 0);
    PdqHash ones = PdqHash.of(-1, -1, -1, -1);
    assertThat(zero.hammingDistance(ones)).isEqualTo(256);
  }

  @Test
  void equalHashesAreEqualValues() {
    PdqHash a = PdqHash.fromHex(BRIDGE);
    PdqHash b = PdqHash.fromHex(BRIDGE);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.flip(0)).isNotEqualTo(a);
  }

  @Test
  void badHexIsRejectedWithItsPosition() {
    assertThatThrownBy(() -> PdqHash.fromHex("abc")).hasMessageContaining("64 hex digits, got 3");
    assertThatThrownBy(() -> PdqHash.fromHex("g" + BRIDGE.substring(1))).hasMessageContaining("position 1");
  }
}
