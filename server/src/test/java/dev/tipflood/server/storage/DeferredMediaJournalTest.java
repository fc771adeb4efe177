package dev.tipflood.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deferred tip (brownout) in the journal: its text first, its media later, both surviving a restart. */
class DeferredMediaJournalTest {
  @TempDir
  Path dir;

  static final Instant T0 = Instant.parse("2020-05-31T18:00:00Z");
  static final TipMetadata MD = new TipMetadata("smoke near Elm St", 32.78, -96.8, T0, "dev-1");
  static final List<MediaItem> MEDIA = List.of(new MediaItem(0, "a.jpg", "image/jpeg", 10, "ab".repeat(32), "x-0"));

  @Test
  void aDeferredTipIsStoredDeferredWithItsUploadTimeAndIsNotUnfinishedWork() {
    TipRecord deferred = TipRecord.deferred(TipId.next(1), T0, MD, T0.plusSeconds(600));
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      store.append(deferred).toCompletableFuture().join();
      assertThat(store.find(deferred.id())).contains(deferred);
    }
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      TipRecord back = store.find(deferred.id()).orElseThrow();
      assertThat(back.status()).isEqualTo(TipStatus.DEFERRED);
      assertThat(back.mediaUploadAfter()).contains(T0.plusSeconds(600));
      assertThat(back.media()).isEmpty();
      assertThat(store.unfinishedAtOpenCount()).as("it waits for its client, not for the pipeline").isZero();
    }
  }

  @Test
  void itsMediaRecordMakesItReceivedWithItsMediaAcrossARestart() {
    TipRecord deferred = TipRecord.deferred(TipId.next(2), T0, MD, T0.plusSeconds(60));
    TipRecord other = TipRecord.received(TipId.next(3), T0, MD, List.of());
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      store.append(deferred).toCompletableFuture().join();
      store.append(other).toCompletableFuture().join();
      TipRecord arrived = store.attachMedia(deferred.withMedia(MEDIA), Runnable::run).toCompletableFuture().join();
      assertThat(arrived.status()).isEqualTo(TipStatus.RECEIVED);
      assertThat(store.find(deferred.id())).contains(arrived);
      store.updateStatus(deferred.id(), TipStatus.PROCESSING).toCompletableFuture().join();
    }
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      TipRecord back = store.find(deferred.id()).orElseThrow();
      assertThat(back.status()).isEqualTo(TipStatus.PROCESSING);
      assertThat(back.media()).isEqualTo(MEDIA);
      assertThat(back.deferredMediaArrived()).isTrue();
      assertThat(store.referencedMedia()).as("its media are no orphans at start-up").contains("x-0");
      assertThat(store.find(other.id()).orElseThrow().media()).isEmpty();
      List<TipRecord> unfinished = new ArrayList<>();
      store.forEachUnfinishedAtOpen(unfinished::add);
      assertThat(unfinished).extracting(TipRecord::id).containsExactlyInAnyOrder(deferred.id(), other.id());
      assertThat(unfinished).filteredOn(t -> t.id().equals(deferred.id())).singleElement()
          .extracting(TipRecord::media).isEqualTo(MEDIA);
    }
  }

  @Test
  void mediaAreAttachedOnceAndOnlyToADeferredTip() {
    TipRecord deferred = TipRecord.deferred(TipId.next(4), T0, MD, T0);
    TipRecord plain = TipRecord.received(TipId.next(5), T0, MD, MEDIA);
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      store.append(deferred).toCompletableFuture().join();
      store.append(plain).toCompletableFuture().join();
      assertThat(store.reserveMedia(plain.id())).isFalse();
      assertThat(store.reserveMedia(deferred.id())).isTrue();
      assertThat(store.reserveMedia(deferred.id())).as("one upload at a time").isFalse();
      store.attachMedia(deferred.withMedia(MEDIA), Runnable::run).toCompletableFuture().join();
      store.releaseMedia(deferred.id());
      assertThat(store.reserveMedia(deferred.id())).as("its media have arrived").isFalse();
      assertThatThrownBy(() -> store.attachMedia(deferred.withMedia(MEDIA), Runnable::run).toCompletableFuture()
          .join()).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> store.attachMedia(plain, Runnable::run).toCompletableFuture().join())
          .hasCauseInstanceOf(IllegalStateException.class);
    }
  }
}
