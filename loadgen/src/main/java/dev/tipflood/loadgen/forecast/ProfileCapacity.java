package dev.tipflood.loadgen.forecast;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one server profile (already scaled) can take, per modelled resource, as the server prints it
 * with {@code --print-capacity}. A resource the profile does not limit or model is 0 here.
 *
 * @param storageBytesPerSecond  storage bandwidth; 0 = unlimited
 * @param workers                processing workers; 0 = no pipeline
 * @param secondsPerMiB          processing cost per MiB by kind (photo, gif, video, other)
 * @param reviewers              simulated reviewers; 0 = no pipeline
 * @param secondsPerPhoto        review time of one still (and of a text-only tip)
 * @param secondsPerVideoMinute  review time per minute of video
 * @param videoBytesPerMinute    how a video's minutes are estimated from its (scaled) size
 * @param heapBytes              the server's {@code -Xmx}
 * @param uploadsBuffered        whether uploads are held in the heap (the naive profile)
 */
public record ProfileCapacity(String profile, long storageBytesPerSecond, int workers, KindCosts secondsPerMiB,
                              int reviewers, double secondsPerPhoto, double secondsPerVideoMinute,
                              long videoBytesPerMinute, long heapBytes, boolean uploadsBuffered) {

  /** Processing seconds per MiB of each media kind the server's cost model knows. */
  public record KindCosts(double photo, double gif, double video, double other) {
    static final KindCosts NONE = new KindCosts(0, 0, 0, 0);

    /** The kind of a part, as the server classifies its content type. */
    double forContentType(String contentType) {
      String t = contentType.toLowerCase(java.util.Locale.ROOT);
      if (t.equals("image/gif")) {
        return gif;
      } else if (t.startsWith("image/")) {
        return photo;
      } else if (t.startsWith("video/")) {
        return video;
      }
      return other;
    }
  }

  /**
   * Reads the {@code capacity} object of {@code --print-capacity}.
   *
   * @param profile the profile as given: a built-in name, or a file (named by its file name)
   * @throws IllegalArgumentException naming the field, if one is missing or of the wrong type
   */
  public static ProfileCapacity parse(String profile, JsonNode capacity) {
    JsonNode storage = capacity.path("storage");
    JsonNode processing = capacity.path("processing");
    JsonNode review = capacity.path("review");
    JsonNode heap = capacity.path("heap");
    JsonNode costs = processing.path("secondsPerMiB");
    KindCosts kinds = costs.isObject()
        ? new KindCosts(number(costs, "photo"), number(costs, "gif"), number(costs, "video"), number(costs, "other"))
        : KindCosts.NONE;
    return new ProfileCapacity(java.nio.file.Path.of(profile).getFileName().toString(), optionalLong(storage, "bytesPerSecond"), (int) optionalLong(processing, "workers"),
        kinds, (int) optionalLong(review, "reviewers"), optionalDouble(review, "secondsPerPhoto"),
        optionalDouble(review, "secondsPerVideoMinute"), optionalLong(review, "videoBytesPerMinute"),
        (long) number(heap, "bytes"), heap.path("uploadsBuffered").asBoolean(false));
  }

  /** True when the profile models processing and review. */
  public boolean hasPipeline() {
    return workers > 0 && reviewers > 0;
  }

  private static double number(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (!v.isNumber()) {
      throw new IllegalArgumentException("server capacity: '" + field + "' is missing or not a number: " + node);
    }
    return v.asDouble();
  }

  private static long optionalLong(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNumber() ? v.asLong() : 0;
  }

  private static double optionalDouble(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNumber() ? v.asDouble() : 0;
  }
}
