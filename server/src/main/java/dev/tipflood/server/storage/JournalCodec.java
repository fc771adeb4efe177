package dev.tipflood.server.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The journal's record format: one JSON object per line, with a {@code type} of {@code tip},
 * {@code status} or {@code review}. Written by hand so the on-disk format is explicit and stable.
 */
final class JournalCodec {
  static final int VERSION = 1;
  // Schubfach for doubles (lat/lon) instead of Double.toString: same shortest round-trip text.
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .build());

  private JournalCodec() {}

  static byte[] tip(TipRecord t) {
    // Streamed, not built as a tree: this runs once per acknowledged tip.
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 160 * t.media().size());
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("v", VERSION);
      g.writeStringField("type", "tip");
      g.writeStringField("id", t.id().value());
      g.writeStringField("receivedAt", IsoInstant.format(t.receivedAt()));
      TipMetadata m = t.metadata();
      g.writeObjectFieldStart("metadata");
      g.writeStringField("description", m.description());
      g.writeNumberField("lat", m.lat());
      g.writeNumberField("lon", m.lon());
      g.writeStringField("occurredAt", IsoInstant.format(m.occurredAt()));
      g.writeStringField("deviceId", m.deviceId());
      g.writeEndObject();
      g.writeArrayFieldStart("media");
      for (MediaItem item : t.media()) {
        g.writeStartObject();
        g.writeNumberField("index", item.index());
        g.writeStringField("filename", item.filename());
        g.writeStringField("contentType", item.contentType());
        g.writeNumberField("size", item.size());
        g.writeStringField("sha256", item.sha256());
        g.writeStringField("storedAs", item.storedAs());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    // Jackson escapes control characters, so a record never contains a raw newline.
    out.write('\n');
    return out.toByteArray();
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

  /** One decoded journal line. */
  sealed interface Line permits TipLine, StatusLine, ReviewLine {}

  /** A new tip, as received (status {@code received}, no review). */
  record TipLine(TipRecord tip) implements Line {}

  /** A later pipeline status of a tip. */
  record StatusLine(TipId id, TipStatus status) implements Line {}

  /** A review of a tip (its status becomes {@code reviewed}). */
  record ReviewLine(TipId id, Review review) implements Line {}

  /**
   * Decodes one journal line ({@code bytes[start, end)}, without its newline), so a corrupt
   * record stops start-up.
   *
   * @throws IllegalArgumentException when the line is not a valid record
   */
  static Line read(byte[] bytes, int start, int end) {
    JsonNode n = object(bytes, start, end - start);
    TipId id = new TipId(text(n, "id"));
    String type = text(n, "type");
    return switch (type) {
      case "tip" -> new TipLine(readTip(id, n));
      case "status" -> new StatusLine(id, TipStatus.fromWire(text(n, "status")));
      case "review" -> new ReviewLine(id, new Review(Review.Verdict.fromWire(text(n, "verdict")), text(n, "reviewer"),
          Instant.parse(text(n, "reviewedAt"))));
      default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
    };
  }

  /** Decodes a tip record written by {@link #tip} (its status is {@code received}, with no review). */
  static TipRecord decodeTip(byte[] record, int length) {
    JsonNode n = object(record, 0, length);
    return readTip(new TipId(text(n, "id")), n);
  }

  private static JsonNode object(byte[] bytes, int offset, int length) {
    JsonNode n;
    try {
      n = MAPPER.readTree(bytes, offset, length);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return n;
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
