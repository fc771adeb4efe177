package dev.tipflood.loadgen.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeferredUploadTest {
  private static final long S = 1_000_000_000L;
  /** Uploads may start until 100 s on the caller's clock. */
  private final DeferredUpload upload = new DeferredUpload(100 * S);

  @Test
  void firstUploadWaitsForTheSlotTheServerNamed() {
    assertThat(upload.first("60", 10 * S)).contains(Duration.ofSeconds(60));
    assertThat(upload.first(null, 10 * S)).contains(Duration.ZERO);
  }

  @Test
  void aSlotPastTheLastSendTimeIsNotWaitedFor() {
    assertThat(upload.first("60", 41 * S)).isEmpty();
    assertThat(upload.first("60", 40 * S)).contains(Duration.ofSeconds(60));
  }

  @Test
  void tooEarlyAndStillDeferredFollowRetryAfter() {
    assertThat(upload.next(Outcome.status(425), 1, "7", 10 * S)).contains(Duration.ofSeconds(7));
    assertThat(upload.next(Outcome.status(503), 1, "60", 10 * S)).contains(Duration.ofSeconds(60));
    assertThat(upload.next(Outcome.status(503), 1, null, 10 * S)).contains(Duration.ofSeconds(1));
    assertThat(upload.next(Outcome.status(503), 1, "soon", 10 * S)).contains(Duration.ofSeconds(1));
  }

  @Test
  void anyOtherOutcomeEndsTheUploads() {
    for (Outcome o : new Outcome[] {Outcome.status(201), Outcome.status(409), Outcome.status(415), Outcome.status(429),
        Outcome.TIMEOUT, Outcome.CONNECTION_ERROR}) {
      assertThat(upload.next(o, 1, "1", 10 * S)).as(o.label()).isEmpty();
    }
  }

  @Test
  void uploadsAreBoundedInCountAndTime() {
    assertThat(upload.next(Outcome.status(503), DeferredUpload.MAX_ATTEMPTS - 1, "1", 10 * S)).isPresent();
    assertThat(upload.next(Outcome.status(503), DeferredUpload.MAX_ATTEMPTS, "1", 10 * S)).isEmpty();
    assertThat(upload.next(Outcome.status(503), 1, "60", 50 * S)).isEmpty();
  }
}
