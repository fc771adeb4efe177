package dev.tipflood.server.model.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StorageQuotaTest {

  @Test
  void refusesWhatDoesNotFitAndReservesNothingThen() {
    StorageQuota quota = new StorageQuota(100, 30);
    assertThat(quota.tryReserve(70)).isTrue();
    assertThat(quota.tryReserve(1)).isFalse();
    assertThat(quota.usedBytes()).isEqualTo(100);
    assertThat(quota.refusals()).isEqualTo(1);
    quota.release(50);
    assertThat(quota.wouldFit(50)).isTrue();
    assertThat(quota.wouldFit(51)).isFalse();
  }

  @Test
  void concurrentReservationsNeverOvercommit() throws InterruptedException {
    StorageQuota quota = new StorageQuota(1_000_000, 0);
    AtomicLong granted = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 100_000; i++) {
          if (quota.tryReserve(7)) {
            granted.addAndGet(7);
          }
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(granted.get()).isEqualTo(quota.usedBytes()).isLessThanOrEqualTo(1_000_000).isGreaterThan(1_000_000 - 7);
  }
}
