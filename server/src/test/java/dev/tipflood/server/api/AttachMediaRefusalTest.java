package dev.tipflood.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a tip takes its deferred media, judged against a given instant (no wall clock). */
class AttachMediaRefusalTest {
  static final Instant T0 = Instant.parse("2020-05-31T18:00:00Z");
  static final TipMetadata MD = new TipMetadata("smoke near Elm St", 32.78, -96.8, T0, "dev-1");
  static final TipRecord DEFERRED = TipRecord.deferred(TipId.next(1), T0, MD, T0.plusSeconds(60));

  @Test
  void beforeItsTimeItIsTooEarlyWithTheWaitAsRetryAfter() {
    ApiException e = AttachMediaHandler.refusal(DEFERRED, T0.plusSeconds(10).plusMillis(500));
    assertThat(e.code()).isEqualTo(ErrorCode.MEDIA_UPLOAD_TOO_EARLY);
    assertThat(e.status()).isEqualTo(425);
    assertThat(e.retryAfter()).contains(Duration.ofMillis(49_500));
    assertThat(e.getMessage()).contains("2020-05-31T18:01:00Z");
  }

  @Test
  void fromItsTimeOnItIsTaken() {
    assertThat(AttachMediaHandler.refusal(DEFERRED, T0.plusSeconds(60))).isNull();
    assertThat(AttachMediaHandler.refusal(DEFERRED, T0.plusSeconds(6000))).isNull();
  }

  @Test
  void aTipWhoseMediaCameWithItIsNotDeferred() {
    TipRecord plain = TipRecord.received(TipId.next(2), T0, MD, List.of());
    ApiException e = AttachMediaHandler.refusal(plain.withStatus(TipStatus.AWAITING_REVIEW), T0);
    assertThat(e.code()).isEqualTo(ErrorCode.TIP_NOT_DEFERRED);
    assertThat(e.getMessage()).contains("awaiting_review");
  }

  @Test
  void aRepeatAfterTheMediaArrivedIsAlreadyUploaded() {
    TipRecord arrived = DEFERRED.withMedia(List.of(new MediaItem(0, "a.jpg", "image/jpeg", 3, "ab".repeat(32),
        "x-0"))).withStatus(TipStatus.REVIEWED);
    ApiException e = AttachMediaHandler.refusal(arrived, T0.plusSeconds(100));
    assertThat(e.code()).isEqualTo(ErrorCode.MEDIA_ALREADY_UPLOADED);
    assertThat(e.status()).isEqualTo(409);
  }

  @Test
  void afterItsWindowClosedWithoutMediaTheWindowIsClosed() {
    TipRecord textAlone = DEFERRED.withStatus(TipStatus.AWAITING_REVIEW);
    ApiException e = AttachMediaHandler.refusal(textAlone, T0.plusSeconds(700));
    assertThat(e.code()).isEqualTo(ErrorCode.MEDIA_WINDOW_CLOSED);
    assertThat(e.status()).isEqualTo(409);
    assertThat(e.getMessage()).contains("text alone").contains("awaiting_review");
  }
}
