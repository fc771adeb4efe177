package dev.tipflood.server.api.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.measure.SupplierClock;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SlowBodyClockTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final SlowBodyClock slowBody = new SlowBodyClock(new SupplierClock(now::get));

  @Test
  void countsOnlyTimeTheServerWasReading() {
    now.addAndGet(300);
    slowBody.serverHolds();
    now.addAndGet(60_000);
    assertThat(slowBody.clientIdleMillis()).as("a paused request is not the client's fault").isEqualTo(300);
    slowBody.serverReleases();
    now.addAndGet(200);
    assertThat(slowBody.clientIdleMillis()).as("the clock resumes where it stopped").isEqualTo(500);
  }

  @Test
  void bytesResetTheClockAndHoldsNest() {
    now.addAndGet(700);
    slowBody.progress();
    slowBody.serverHolds();
    slowBody.serverHolds();
    now.addAndGet(5_000);
    slowBody.serverReleases();
    assertThat(slowBody.clientIdleMillis()).isZero();
    slowBody.serverReleases();
    slowBody.serverReleases(); // an unmatched release changes nothing
    now.addAndGet(40);
    assertThat(slowBody.clientIdleMillis()).isEqualTo(40);
  }

  @Test
  void aBodyTricklingAByteASecondIsNoProgress() {
    SlowBodyClock trickle = new SlowBodyClock(new SupplierClock(now::get), 1024);
    for (int second = 0; second < 30; second++) {
      now.addAndGet(1_000);
      trickle.received(1);
    }
    assertThat(trickle.clientIdleMillis()).as("30 bytes in 30 s is idle time").isEqualTo(30_000);
    trickle.received(1024 - 30);
    assertThat(trickle.clientIdleMillis()).as("1 KB since the last progress is progress").isZero();
  }
}
