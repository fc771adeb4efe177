package dev.tipflood.server.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.model.time.VirtualScheduler;
import dev.tipflood.server.storage.JournalTipStore;
import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brownout's textAloneAfter window, on a real journal and the model's virtual time. */
class TextAloneWindowTest {
  static final Instant T0 = Instant.parse("2020-05-31T18:00:00Z");
  static final TipMetadata MD = new TipMetadata("smoke near Elm St", 32.78, -96.8, T0, "dev-1");
  static final List<MediaItem> MEDIA = List.of(new MediaItem(0, "a.jpg", "image/jpeg", 10, "ab".repeat(32), "x-0"));
  static final Duration WINDOW = Duration.ofMinutes(10);

  @TempDir
  Path dir;

  private final VirtualScheduler time = new VirtualScheduler();
  private final List<TipRecord> textAlone = new CopyOnWriteArrayList<>();

  private TextAloneWindow window(JournalTipStore store, Instant now) {
    return new TextAloneWindow(time, Clock.fixed(now, ZoneOffset.UTC), store, () -> Optional.of(WINDOW), textAlone::add);
  }

  @Test
  void aDeferredTipWhoseMediaNeverComeGoesOnOnItsTextAloneAtTheWindowsEndDurably() {
    TipRecord deferred = TipRecord.deferred(TipId.next(1), T0, MD, T0.plusSeconds(60));
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      store.append(deferred).toCompletableFuture().join();
      window(store, T0).watch(deferred);

      time.advanceBy(WINDOW.minusSeconds(1));
      assertThat(textAlone).isEmpty();
      assertThat(store.find(deferred.id()).orElseThrow().status()).isEqualTo(TipStatus.DEFERRED);

      time.advanceBy(Duration.ofSeconds(1));
      await().atMost(Duration.ofSeconds(10)).until(() -> textAlone.size() == 1);
      TipRecord handedOn = textAlone.get(0);
      assertThat(handedOn.status()).isEqualTo(TipStatus.RECEIVED);
      assertThat(handedOn.textAlone()).isTrue();
      TipRecord stored = store.find(deferred.id()).orElseThrow();
      assertThat(stored.textAlone()).isTrue();
      assertThat(store.reserveMedia(deferred.id())).as("no upload from then on").isFalse();
    }
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      TipRecord back = store.find(deferred.id()).orElseThrow();
      assertThat(back.textAlone()).as("the window's close survives a restart").isTrue();
      assertThat(back.deferredMediaArrived()).isFalse();
      List<TipRecord> unfinished = new ArrayList<>();
      store.forEachUnfinishedAtOpen(unfinished::add);
      assertThat(unfinished).as("resumed into review after a restart").extracting(TipRecord::id).containsExactly(deferred.id());
    }
  }

  @Test
  void aTipWhoseMediaArrivedOrAreArrivingIsLeftAlone() {
    TipRecord arrived = TipRecord.deferred(TipId.next(2), T0, MD, T0);
    TipRecord uploading = TipRecord.deferred(TipId.next(3), T0, MD, T0);
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      store.append(arrived).toCompletableFuture().join();
      store.append(uploading).toCompletableFuture().join();
      TextAloneWindow w = window(store, T0);
      w.watch(arrived);
      w.watch(uploading);
      store.attachMedia(arrived.withMedia(MEDIA), Runnable::run).toCompletableFuture().join();
      assertThat(store.reserveMedia(uploading.id())).isTrue();

      time.advanceBy(WINDOW.plusSeconds(1));

      assertThat(store.find(arrived.id()).orElseThrow().deferredMediaArrived()).isTrue();
      assertThat(store.find(uploading.id()).orElseThrow().status()).as("the upload under way wins")
          .isEqualTo(TipStatus.DEFERRED);
      assertThat(textAlone).isEmpty();
      assertThat(w.failures()).isZero();
    }
  }

  @Test
  void aRestartWatchesTheDeferredTipsItFindsAndClosesAPastDeadlineAtOnce() {
    TipRecord deferred = TipRecord.deferred(TipId.next(4), T0, MD, T0.plusSeconds(60));
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      store.append(deferred).toCompletableFuture().join();
    }
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      List<TipRecord> still = new ArrayList<>();
      store.forEachDeferredAtOpen(still::add);
      assertThat(still).extracting(TipRecord::id).containsExactly(deferred.id());
      TextAloneWindow w = window(store, T0.plus(WINDOW).plusSeconds(5)); // restarted after its deadline
      still.forEach(w::watch);

      time.advanceBy(Duration.ZERO);
      await().atMost(Duration.ofSeconds(10)).until(() -> textAlone.size() == 1);
      assertThat(store.find(deferred.id()).orElseThrow().textAlone()).isTrue();
    }
  }
}
