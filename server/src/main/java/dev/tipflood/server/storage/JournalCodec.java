package dev.tipflood.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal's record format: one JSON object per line, with a {@code type} of {@code tip},
 * {@code status} or {@code review}. Written by hand so the on-disk format is explicit and stable.
 */
final class JournalCodec {
  static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JournalCodec() {}

  static byte[] tip(TipRecord t) {
    ObjectNode n = header("tip", t.id());
    n.put("receivedAt", t.receivedAt().toString());
    TipMetadata m = t.metadata();
    ObjectNode md = n.putObject("metadata");
    md.put("description", m.description());
    md.put("lat", m.lat());
    md.put("lon", m.lon());
    md.put("occurredAt", m.occurredAt().toString());
    md.put("deviceId", m.deviceId());
    ArrayNode media = n.putArray("media");
    for (MediaItem item : t.media()) {
      media.addObject()
          .put("index", item.index())
          .put("filename", item.filename())
          .put("contentType", item.contentType())
          .put("size", item.size())
          .put("sha256", item.sha256())
          .put("storedAs", item.storedAs());
    }
    return line(n);
  }

  static byte[] status(TipId id, TipStatus status) {
    return line(header("status", id).put("status", status.wireName()));
  }

  static byte[] review(TipId id, Review r) {
    return line(header("review", id)
        .put("verdict", r.verdict().wireName())
        .put("reviewer", r.reviewer())
        .put("reviewedAt", r.reviewedAt().toString()));
  }

  /**
   * Applies one journal line to {@code tips}.
   *
   * @throws IllegalArgumentException when the line is not a valid record
   */
  static void apply(String line, Map<TipId, TipRecord> tips) {
    JsonNode n;
    try {
      n = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    TipId id = new TipId(text(n, "id"));
    String type = text(n, "type");
    switch (type) {
      case "tip" -> tips.put(id, readTip(id, n));
      case "status" -> tips.computeIfPresent(id, (k, t) -> t.withStatus(TipStatus.fromWire(text(n, "status"))));
      case "review" -> tips.computeIfPresent(id, (k, t) -> t.withReview(new Review(
          Review.Verdict.fromWire(text(n, "verdict")), text(n, "reviewer"),
          Instant.parse(text(n, "reviewedAt")))));
      default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
    }
  }

  private static TipRecord readTip(TipId id, JsonNode n) {
    JsonNode md = n.required("metadata");
    TipMetadata metadata = new TipMetadata(text(md, "description"), md.required("lat").asDouble(),
        md.required("lon").asDouble(), Instant.parse(text(md, "occurredAt")), text(md, "deviceId"));
    List<MediaItem> media = new ArrayList<>();
    for (JsonNode item : n.required("media")) {
      media.add(new MediaItem(item.required("index").asInt(), text(item, "filename"), text(item, "contentType"),
          item.required("size").asLong(), text(item, "sha256"), text(item, "storedAs")));
    }
    return new TipRecord(id, Instant.parse(text(n, "receivedAt")), metadata, media, TipStatus.RECEIVED,
        Optional.empty());
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not text");
    }
    return v.asText();
  }

  private static ObjectNode header(String type, TipId id) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("v", VERSION);
    n.put("type", type);
    n.put("id", id.value());
    return n;
  }

  private static byte[] line(ObjectNode n) {
    // Jackson escapes control characters, so a record never contains a raw newline.
    return (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
