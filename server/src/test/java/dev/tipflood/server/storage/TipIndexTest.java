package dev.tipflood.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipStatus;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TipIndexTest {
  // The same last 16 hex digits (the index key), different timestamps.
  private static final TipId FIRST = new TipId("0000000001" + "00ff00ff00ff00ff");
  private static final TipId SAME_KEY = new TipId("0000000002" + "00ff00ff00ff00ff");
  private static final TipId OTHER = new TipId("0000000001" + "1234567890abcdef");

  @Test
  void theKeyIsTheLast16HexDigits() {
    assertThat(TipIndex.key(OTHER)).isEqualTo(0x1234567890abcdefL);
    assertThat(TipIndex.key(new TipId("00000000ff" + "ffffffffffffffff"))).isEqualTo(-1L);
  }

  @Test
  void keepsOffsetAndStatusPerTip() {
    TipIndex index = new TipIndex(0);
    index.add(OTHER, 1234, TipStatus.RECEIVED);
    assertThat(index.offset(OTHER)).isEqualTo(1234);
    assertThat(index.status(OTHER)).isEqualTo(TipStatus.RECEIVED);
    assertThat(index.setStatus(OTHER, TipStatus.AWAITING_REVIEW)).isTrue();
    assertThat(index.status(OTHER)).isEqualTo(TipStatus.AWAITING_REVIEW);
    assertThat(index.offset(OTHER)).as("a status change keeps the offset").isEqualTo(1234);
    assertThat(index.offset(FIRST)).isEqualTo(TipIndex.ABSENT);
    assertThat(index.status(FIRST)).isNull();
    assertThat(index.setStatus(FIRST, TipStatus.DROPPED)).isFalse();
    assertThat(index.contains(FIRST)).isFalse();
  }

  @Test
  void anIdWhoseKeyIsTakenStaysFindableWithItsOwnOffsetAndStatus() {
    TipIndex index = new TipIndex(0);
    index.add(FIRST, 100, TipStatus.RECEIVED);
    index.add(SAME_KEY, 200, TipStatus.RECEIVED);
    index.setStatus(SAME_KEY, TipStatus.DROPPED);
    assertThat(index.size()).isEqualTo(2);
    assertThat(index.offset(FIRST)).isEqualTo(100);
    assertThat(index.status(FIRST)).isEqualTo(TipStatus.RECEIVED);
    assertThat(index.offset(SAME_KEY)).isEqualTo(200);
    assertThat(index.status(SAME_KEY)).isEqualTo(TipStatus.DROPPED);
    Map<Long, TipStatus> all = new HashMap<>();
    index.forEach(all::put);
    assertThat(all).containsExactlyInAnyOrderEntriesOf(Map.of(100L, TipStatus.RECEIVED, 200L, TipStatus.DROPPED));
  }

  @Test
  void largeOffsetsAndManyTipsSurviveGrowth() {
    TipIndex index = new TipIndex(0);
    for (int i = 0; i < 200_000; i++) {
      index.add(new TipId(String.format("%010x%016x", i, i * 0x9E3779B97F4A7C15L)), (1L << 40) + i,
          TipStatus.values()[i % TipStatus.values().length]);
    }
    assertThat(index.size()).isEqualTo(200_000);
    TipId probe = new TipId(String.format("%010x%016x", 123_457, 123_457 * 0x9E3779B97F4A7C15L));
    assertThat(index.offset(probe)).isEqualTo((1L << 40) + 123_457);
    assertThat(index.status(probe)).isEqualTo(TipStatus.values()[123_457 % TipStatus.values().length]);
  }
}
