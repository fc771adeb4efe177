package dev.tipflood.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/tips/{id}} reveals exactly the documented fields (docs/server.md, "What a
 * tip's GET reveals"): a field added to the view fails here until it is documented and listed.
 */
class TipJsonExposureTest {
  static final Set<String> TIP_FIELDS = Set.of("id", "status", "receivedAt", "metadata", "media", "review");
  static final Set<String> METADATA_FIELDS = Set.of("description", "lat", "lon", "occurredAt", "deviceId");
  static final Set<String> MEDIA_FIELDS = Set.of("index", "filename", "type", "size", "sha256", "linked");
  static final Set<String> DEFERRED_FIELDS = Set.of("mediaUploadAfter", "mediaUpload");
  static final Set<String> REVIEW_FIELDS = Set.of("verdict", "reviewedAt");

  private static final TipId ID = new TipId("0190a1b2c3d4e5f60718293a4b");
  private static final String STORED_AS = ID.value() + "-0";

  private static TipRecord reviewedTipWithMedia() {
    TipRecord tip = TipRecord.received(ID, Instant.parse("2020-05-31T18:05:00Z"),
        new TipMetadata("a car on fire", 32.78, -96.8, Instant.parse("2020-05-31T18:04:05Z"), "device-0001"),
        List.of(new MediaItem(0, "photo.jpg", "image/jpeg", 660, "e740".repeat(16), STORED_AS)));
    return tip.withReview(new Review(Review.Verdict.LEGIT, "reviewer-4", Instant.parse("2020-06-01T00:00:00Z")));
  }

  @Test
  void aReviewedTipShowsOnlyTheDocumentedFields() {
    JsonObject json = TipJson.of(reviewedTipWithMedia());
    assertThat(json.fieldNames()).isEqualTo(TIP_FIELDS);
    assertThat(json.getJsonObject("metadata").fieldNames()).isEqualTo(METADATA_FIELDS);
    JsonArray media = json.getJsonArray("media");
    assertThat(media).hasSize(1);
    assertThat(media.getJsonObject(0).fieldNames()).isEqualTo(MEDIA_FIELDS);
    assertThat(json.getJsonObject("review").fieldNames()).isEqualTo(REVIEW_FIELDS);
  }

  @Test
  void neitherStorageNamesNorStaffIdentityAppearAnywhere() {
    String text = TipJson.of(reviewedTipWithMedia()).encode();
    assertThat(text).doesNotContain(STORED_AS).doesNotContain("reviewer-4").doesNotContain("media/");
  }

  @Test
  void aDeferredTipShowsWhereAndFromWhenItsMediaGoAndNothingElseNew() {
    TipRecord deferred = TipRecord.deferred(ID, Instant.parse("2020-05-31T18:05:00Z"),
        new TipMetadata("a car on fire", 32.78, -96.8, Instant.parse("2020-05-31T18:04:05Z"), "device-0001"),
        Instant.parse("2020-05-31T18:15:00Z"));
    JsonObject json = TipJson.of(deferred);
    assertThat(json.fieldNames()).isEqualTo(union(TIP_FIELDS, DEFERRED_FIELDS));
    assertThat(json.getString("mediaUploadAfter")).isEqualTo("2020-05-31T18:15:00Z");
    assertThat(json.getString("mediaUpload")).isEqualTo("/api/v1/tips/" + ID.value() + "/media");
    JsonObject arrived = TipJson.of(deferred.withMedia(reviewedTipWithMedia().media()));
    assertThat(arrived.fieldNames()).as("once its media arrived it is a tip like any other").isEqualTo(TIP_FIELDS);
  }

  @Test
  void aLinkedMediumSaysSoButNeverNamesTheTipThatStoredItFirst() {
    TipId earlier = new TipId("0190a1b2c3d4e5f60718293a4c");
    TipRecord tip = TipRecord.received(ID, Instant.parse("2020-05-31T18:05:00Z"),
        new TipMetadata("a car on fire", 32.78, -96.8, Instant.parse("2020-05-31T18:04:05Z"), "device-0001"),
        List.of(new MediaItem(0, "photo.jpg", "image/jpeg", 660, "e740".repeat(16), earlier.value() + "-0",
            earlier.value())));
    JsonObject json = TipJson.of(tip);
    assertThat(json.getJsonArray("media").getJsonObject(0).getBoolean("linked")).isTrue();
    assertThat(json.encode()).doesNotContain(earlier.value());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
