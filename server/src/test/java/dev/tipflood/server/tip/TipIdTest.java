package dev.tipflood.server.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tip ids are unguessable: 56 random bits per id (the architecture test keeps predictable
 * generators out of {@link TipId}); here, ids minted in the same millisecond share nothing
 * predictable: every random bit is set about half the time and no two ids collide.
 */
class TipIdTest {
  private static final int IDS = 20_000;

  @Test
  void randomPartHasFiftySixBalancedBits() {
    int[] ones = new int[TipId.RANDOM_BITS];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < IDS; i++) {
      TipId id = TipId.next(1_600_000_000_000L); // one millisecond: only the random part differs
      assertThat(seen.add(id.value())).as("duplicate id %s", id).isTrue();
      long random = Long.parseUnsignedLong(id.value().substring(12), 16);
      for (int b = 0; b < TipId.RANDOM_BITS; b++) {
        ones[b] += (int) ((random >>> b) & 1);
      }
    }
    // Binomial(20000, 0.5): sd ~71; 6 sd either side fails a stuck or biased bit, not chance.
    for (int b = 0; b < TipId.RANDOM_BITS; b++) {
      assertThat(ones[b]).as("bit %d of the random part set in %d of %d ids", b, ones[b], IDS)
          .isBetween(IDS / 2 - 430, IDS / 2 + 430);
    }
  }

  @Test
  void consecutiveIdsDifferInAboutHalfTheirRandomBits() {
    long total = 0;
    TipId previous = TipId.next(0);
    for (int i = 0; i < IDS; i++) {
      TipId next = TipId.next(0);
      total += Long.bitCount(Long.parseUnsignedLong(previous.value().substring(12), 16)
          ^ Long.parseUnsignedLong(next.value().substring(12), 16));
      previous = next;
    }
    // A counter or a timestamp-derived id changes a few low bits; independent ids change ~28.
    assertThat(total / (double) IDS).isBetween(27.0, 29.0);
  }

  @Test
  void theGeneratorIsCryptographicallyStrong() throws Exception {
    java.lang.reflect.Field f = TipId.class.getDeclaredField("RANDOM");
    f.setAccessible(true);
    Object generator = ((ThreadLocal<?>) f.get(null)).get();
    assertThat(generator).isInstanceOf(java.security.SecureRandom.class);
  }
}
