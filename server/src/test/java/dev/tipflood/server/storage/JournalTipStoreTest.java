package dev.tipflood.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class JournalTipStoreTest {
  @TempDir
  Path dir;

  static final Instant T0 = Instant.parse("2020-05-31T18:00:00Z");

  static TipRecord tip(long millis) {
    TipMetadata md = new TipMetadata("fancam\nwith \"quotes\"", 32.7, -96.8, T0, "dev-1");
    return TipRecord.received(TipId.next(millis), T0.plusMillis(millis), md,
        List.of(new MediaItem(0, "a.jpg", "image/jpeg", 10, "ab".repeat(32), "x-0")));
  }

  @Test
  void tipsStatusAndReviewsSurviveReopening() {
    TipRecord a = tip(1);
    TipRecord b = tip(2);
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      store.append(a).toCompletableFuture().join();
      store.append(b).toCompletableFuture().join();
      store.updateStatus(a.id(), TipStatus.AWAITING_REVIEW).toCompletableFuture().join();
      store.attachReview(b.id(), new Review(Review.Verdict.LEGIT, "r-2", T0)).toCompletableFuture().join();
    }
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      assertThat(store.count()).isEqualTo(2);
      assertThat(store.find(a.id()).orElseThrow().status()).isEqualTo(TipStatus.AWAITING_REVIEW);
      assertThat(store.find(a.id()).orElseThrow().metadata()).isEqualTo(a.metadata());
      TipRecord reviewed = store.find(b.id()).orElseThrow();
      assertThat(reviewed.status()).isEqualTo(TipStatus.REVIEWED);
      assertThat(reviewed.review().orElseThrow().reviewer()).isEqualTo("r-2");
      assertThat(reviewed.media()).isEqualTo(b.media());
    }
  }

  @Test
  void findGivesBackTheWholeRecordWithItsLatestStatusAndReview() {
    TipRecord a = tip(7);
    Review verdict = new Review(Review.Verdict.JUNK, "r-9", T0.plusSeconds(5));
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      assertThat(store.append(a).toCompletableFuture().join()).isEqualTo(a);
      assertThat(store.find(a.id())).contains(a);
      store.updateStatus(a.id(), TipStatus.PROCESSING).toCompletableFuture().join();
      assertThat(store.find(a.id())).contains(a.withStatus(TipStatus.PROCESSING));
      store.attachReview(a.id(), verdict).toCompletableFuture().join();
      assertThat(store.find(a.id())).contains(a.withReview(verdict));
      // A status after the review (a later pipeline step) keeps the review.
      store.updateStatus(a.id(), TipStatus.DROPPED).toCompletableFuture().join();
      assertThat(store.find(a.id())).contains(a.withReview(verdict).withStatus(TipStatus.DROPPED));
    }
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      assertThat(store.find(a.id())).contains(a.withReview(verdict).withStatus(TipStatus.DROPPED));
      assertThat(store.referencedMedia()).containsExactly("x-0");
    }
  }

  @Test
  void concurrentAppendsShareFsyncsAndAllLand() {
    List<CompletableFuture<TipRecord>> all = new ArrayList<>();
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      for (int i = 0; i < 500; i++) {
        all.add(store.append(tip(i)).toCompletableFuture());
      }
      CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).join();
    }
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      assertThat(store.count()).isEqualTo(500);
    }
  }

  @ParameterizedTest(name = "replay buffer {0} bytes")
  @ValueSource(ints = {7, 64, JournalReplay.BUFFER})
  void tornLastRecordIsCutWithAWarning(int buffer) throws Exception {
    TipRecord a = tip(1);
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      store.append(a).toCompletableFuture().join();
    }
    Path file = dir.resolve(JournalTipStore.FILE_NAME);
    long goodSize = Files.size(file);
    Files.writeString(file, "{\"v\":1,\"type\":\"tip\",\"id\":\"0", StandardOpenOption.APPEND);
    List<String> warnings = new ArrayList<>();
    try (JournalTipStore store = JournalTipStore.open(dir, warnings::add, buffer)) {
      assertThat(store.count()).isEqualTo(1);
      assertThat(store.find(a.id())).isPresent();
    }
    assertThat(warnings).singleElement().asString().contains("cut a torn last record at line 2");
    assertThat(Files.size(file)).isEqualTo(goodSize);
  }

  @ParameterizedTest(name = "replay buffer {0} bytes")
  @ValueSource(ints = {7, 64, JournalReplay.BUFFER})
  void preallocatedZerosAfterACrashEndTheRecordsAndNewRecordsFollowTheLastOne(int buffer) throws Exception {
    Path file = dir.resolve(JournalTipStore.FILE_NAME);
    Path crashed = Files.createDirectories(dir.resolve("crashed"));
    TipRecord a = tip(1);
    TipRecord b = tip(2);
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      store.append(a).toCompletableFuture().join();
      store.append(b).toCompletableFuture().join();
      // Still open, as at a kill -9: the records are followed by the preallocated zeros.
      assertThat(Files.size(file)).isGreaterThanOrEqualTo(GroupCommitLog.PREALLOCATE);
      Files.copy(file, crashed.resolve(JournalTipStore.FILE_NAME));
    }
    // A torn record half over the zeros, as a crash during a write can leave it.
    byte[] torn = "{\"v\":1,\"type\":\"tip\"".getBytes(StandardCharsets.UTF_8);
    long dataEnd = Files.size(file);
    try (var ch = java.nio.channels.FileChannel.open(crashed.resolve(JournalTipStore.FILE_NAME),
        StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(torn), dataEnd);
    }
    List<String> warnings = new ArrayList<>();
    TipRecord c = tip(3);
    try (JournalTipStore store = JournalTipStore.open(crashed, warnings::add, buffer)) {
      assertThat(store.count()).isEqualTo(2);
      store.append(c).toCompletableFuture().join();
    }
    assertThat(warnings).singleElement().asString().contains("cut a torn last record at line 3");
    byte[] bytes = Files.readAllBytes(crashed.resolve(JournalTipStore.FILE_NAME));
    assertThat(bytes).doesNotContain((byte) 0);
    assertThat(new String(bytes, StandardCharsets.UTF_8).lines()).hasSize(3);
    try (JournalTipStore store = JournalTipStore.open(crashed, w -> { }, buffer)) {
      assertThat(store.find(c.id())).isPresent();
      assertThat(store.count()).isEqualTo(3);
    }
  }

  @ParameterizedTest(name = "replay buffer {0} bytes")
  @ValueSource(ints = {7, 64, JournalReplay.BUFFER})
  void corruptRecordInTheMiddleStopsStartUpNamingTheLine(int buffer) throws Exception {
    Path file = dir.resolve(JournalTipStore.FILE_NAME);
    Files.createDirectories(dir);
    Files.writeString(file, "not json\n{}\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> JournalTipStore.open(dir, w -> { }, buffer))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith(file + ":1: corrupt journal record: not JSON");
  }

  @ParameterizedTest(name = "replay buffer {0} bytes")
  @ValueSource(ints = {7, 300, 4096, JournalReplay.BUFFER})
  void aJournalLongerThanTheReplayBufferReplaysWhole(int buffer) {
    List<TipRecord> tips = new ArrayList<>();
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      for (int i = 0; i < 600; i++) {
        tips.add(store.append(tip(100 + i)).toCompletableFuture().join());
      }
      for (int i = 0; i < 600; i += 3) {
        store.updateStatus(tips.get(i).id(), TipStatus.DROPPED).toCompletableFuture().join();
      }
      store.attachReview(tips.get(1).id(), new Review(Review.Verdict.LEGIT, "r-1", T0)).toCompletableFuture().join();
    }
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { }, buffer)) {
      assertThat(store.count()).isEqualTo(600);
      assertThat(store.find(tips.get(599).id()).orElseThrow().metadata()).isEqualTo(tips.get(599).metadata());
      assertThat(store.find(tips.get(300).id()).orElseThrow().status()).isEqualTo(TipStatus.DROPPED);
      assertThat(store.find(tips.get(1).id()).orElseThrow().review()).isPresent();
      // Not dropped, not reviewed: 600 - 200 - 1, in journal order.
      List<TipRecord> unfinished = new ArrayList<>();
      store.forEachUnfinishedAtOpen(unfinished::add);
      assertThat(store.unfinishedAtOpenCount()).isEqualTo(399);
      assertThat(unfinished).hasSize(399);
      assertThat(unfinished.get(0).id()).isEqualTo(tips.get(2).id());
      assertThat(unfinished.get(398).id()).isEqualTo(tips.get(599).id());
      assertThat(unfinished).allMatch(t -> t.status() == TipStatus.RECEIVED);
      assertThat(store.referencedMedia()).containsExactly("x-0");
    }
  }

  @Test
  void updatingAnUnknownTipFails() {
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      assertThat(store.updateStatus(TipId.next(5), TipStatus.PROCESSING).toCompletableFuture())
          .isCompletedExceptionally();
    }
  }

  @Test
  void tipsWhoseIndexKeysCollideAreBothFoundAndAnUnstoredIdSharingTheKeyIsNot() {
    TipMetadata md = new TipMetadata("same key", 32.7, -96.8, T0, "dev-1");
    TipRecord first = TipRecord.received(new TipId("0000000001" + "00ff00ff00ff00ff"), T0, md, List.of());
    TipRecord second = TipRecord.received(new TipId("0000000002" + "00ff00ff00ff00ff"), T0, md, List.of());
    TipId neverStored = new TipId("0000000003" + "00ff00ff00ff00ff");
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      store.append(first).toCompletableFuture().join();
      store.append(second).toCompletableFuture().join();
      store.updateStatus(second.id(), TipStatus.DROPPED).toCompletableFuture().join();
      assertThat(store.find(first.id()).orElseThrow().status()).isEqualTo(TipStatus.RECEIVED);
      assertThat(store.find(second.id()).orElseThrow().status()).isEqualTo(TipStatus.DROPPED);
      assertThat(store.find(neverStored)).isEmpty();
      assertThat(store.mightContain(first.id())).isTrue();
      assertThat(store.mightContain(neverStored)).as("shares a stored id's key: find() must look").isTrue();
      assertThat(store.mightContain(TipId.next(3))).isFalse();
    }
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      assertThat(store.count()).isEqualTo(2);
      assertThat(store.find(second.id()).orElseThrow().id()).isEqualTo(second.id());
      assertThat(store.find(neverStored)).isEmpty();
      List<TipRecord> unfinished = new ArrayList<>();
      store.forEachUnfinishedAtOpen(unfinished::add);
      assertThat(unfinished).extracting(TipRecord::id).containsExactly(first.id());
    }
  }

  @Test
  void aRecordLongerThanOneReadIsReadWhole() {
    TipMetadata md = new TipMetadata("x".repeat(5000) + "\u00e9\n", 32.7, -96.8, T0, "dev-1");
    TipRecord tip = TipRecord.received(TipId.next(9), T0, md, List.of());
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      store.append(tip(1)).toCompletableFuture().join();
      store.append(tip).toCompletableFuture().join();
      store.append(tip(2)).toCompletableFuture().join();
      assertThat(store.find(tip.id()).orElseThrow().metadata()).isEqualTo(md);
    }
  }

  @Test
  void mediaStoreCleansTempAndOrphans() throws Exception {
    MediaStore media = MediaStore.open(dir);
    Files.writeString(media.newTempFile(), "partial");
    Files.writeString(media.mediaDir().resolve("kept-0"), "k");
    Files.writeString(media.mediaDir().resolve("orphan-0"), "o");
    assertThat(media.cleanTemp()).isEqualTo(1);
    assertThat(media.removeOrphans(java.util.Set.of("kept-0"))).isEqualTo(1);
    assertThat(Files.exists(media.mediaDir().resolve("kept-0"))).isTrue();
    assertThat(Files.exists(media.mediaDir().resolve("orphan-0"))).isFalse();
  }
}
