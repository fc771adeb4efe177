package dev.tipflood.server.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.server.tip.IsoInstant;
import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The journal's record format: one JSON object per line, with a {@code type} of {@code tip},
 * {@code media}, {@code status} or {@code review}. Written by hand so the on-disk format is
 * explicit and stable.
 *
 * <p>A tip whose media were deferred (brownout) is a {@code tip} record with a
 * {@code mediaUploadAfter} field (its status is then {@code deferred}); when its media arrive a
 * {@code media} record repeats the whole tip with them, and from then on stands for the tip
 * (status {@code received}).
 */
final class JournalCodec {
  static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .build());

  private JournalCodec() {}

  /**
   * The {@code tip} record, written directly as bytes: fixed field names as constants, strings
   * escaped by Jackson's {@link JsonStringEncoder} (control characters included, so a record never
   * holds a raw newline), numbers by Jackson's {@link NumberOutput} (Schubfach for doubles). It
   * runs once per acknowledged tip, on the event loop; a generator took ~8% of it.
   */
  static byte[] tip(TipRecord t) {
    return encode(t, TIP_HEAD);
  }

  /** The {@code media} record: the deferred tip {@code t} with the media that arrived for it. */
  static byte[] media(TipRecord t) {
    return encode(t, MEDIA_HEAD);
  }

  private static byte[] encode(TipRecord t, byte[] head) {
    TipMetadata m = t.metadata();
    ByteArrayBuilder out = new ByteArrayBuilder(320 + 200 * t.media().size());
    out.write(head);
    ascii(out, t.id().value());
    out.write(RECEIVED_AT);
    ascii(out, IsoInstant.format(t.receivedAt()));
    out.write(DESCRIPTION);
    string(out, m.description());
    out.write(LAT);
    ascii(out, NumberOutput.toString(m.lat(), true));
    out.write(LON);
    ascii(out, NumberOutput.toString(m.lon(), true));
    out.write(OCCURRED_AT);
    ascii(out, IsoInstant.format(m.occurredAt()));
    out.write(DEVICE_ID);
    string(out, m.deviceId());
    out.write(MEDIA);
    for (int i = 0; i < t.media().size(); i++) {
      MediaItem item = t.media().get(i);
      out.write(i == 0 ? INDEX : NEXT_INDEX);
      ascii(out, Integer.toString(item.index()));
      out.write(FILENAME);
      string(out, item.filename());
      out.write(CONTENT_TYPE);
      string(out, item.contentType());
      out.write(SIZE);
      ascii(out, Long.toString(item.size()));
      out.write(SHA256);
      string(out, item.sha256());
      out.write(STORED_AS);
      string(out, item.storedAs());
      if (item.linked()) {
        out.write(LINKED_TO);
        ascii(out, item.linkedTo());
      }
      out.write('"');
      out.write('}');
    }
    out.write(']');
    if (t.mediaUploadAfter().isPresent()) {
      out.write(MEDIA_UPLOAD_AFTER);
      ascii(out, IsoInstant.format(t.mediaUploadAfter().get()));
      out.write('"');
    }
    out.write(TIP_TAIL);
    return out.toByteArray();
  }

  private static final byte[] TIP_HEAD = bytes("{\"v\":" + VERSION + ",\"type\":\"tip\",\"id\":\"");
  private static final byte[] MEDIA_HEAD = bytes("{\"v\":" + VERSION + ",\"type\":\"media\",\"id\":\"");
  private static final byte[] MEDIA_UPLOAD_AFTER = bytes(",\"mediaUploadAfter\":\"");
  private static final byte[] RECEIVED_AT = bytes("\",\"receivedAt\":\"");
  private static final byte[] DESCRIPTION = bytes("\",\"metadata\":{\"description\":\"");
  private static final byte[] LAT = bytes("\",\"lat\":");
  private static final byte[] LON = bytes(",\"lon\":");
  private static final byte[] OCCURRED_AT = bytes(",\"occurredAt\":\"");
  private static final byte[] DEVICE_ID = bytes("\",\"deviceId\":\"");
  private static final byte[] MEDIA = bytes("\"},\"media\":[");
  private static final byte[] INDEX = bytes("{\"index\":");
  private static final byte[] NEXT_INDEX = bytes(",{\"index\":");
  private static final byte[] FILENAME = bytes(",\"filename\":\"");
  private static final byte[] CONTENT_TYPE = bytes("\",\"contentType\":\"");
  private static final byte[] SIZE = bytes("\",\"size\":");
  private static final byte[] SHA256 = bytes(",\"sha256\":\"");
  private static final byte[] STORED_AS = bytes("\",\"storedAs\":\"");
  private static final byte[] LINKED_TO = bytes("\",\"linkedTo\":\"");
  private static final byte[] TIP_TAIL = bytes("}\n");

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }

  /** Text known to be plain ASCII that needs no escaping: ids, timestamps, numbers. */
  private static void ascii(ByteArrayBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      out.write(s.charAt(i));
    }
  }

  /** The contents of a JSON string (without its quotes), escaped, in UTF-8. */
  private static void string(ByteArrayBuilder out, String s) {
    out.write(JsonStringEncoder.getInstance().quoteAsUTF8(s));
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
  sealed interface Line permits TipLine, MediaLine, StatusLine, ReviewLine {}

  /** A new tip, as received (status {@code received}, or {@code deferred} with its media awaited; no review). */
  record TipLine(TipRecord tip) implements Line {}

  /** A deferred tip's media arrived: the whole tip with them (status {@code received}). */
  record MediaLine(TipRecord tip) implements Line {}

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
      case "tip" -> new TipLine(readTip(id, n, false));
      case "media" -> new MediaLine(readTip(id, n, true));
      case "status" -> new StatusLine(id, TipStatus.fromWire(text(n, "status")));
      case "review" -> new ReviewLine(id, new Review(Review.Verdict.fromWire(text(n, "verdict")), text(n, "reviewer"),
          instant(text(n, "reviewedAt"))));
      default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
    };
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

  private static TipRecord readTip(TipId id, JsonNode n, boolean mediaArrived) {
    JsonNode md = n.required("metadata");
    TipMetadata metadata = new TipMetadata(text(md, "description"), md.required("lat").asDouble(),
        md.required("lon").asDouble(), instant(text(md, "occurredAt")), text(md, "deviceId"));
    List<MediaItem> media = new ArrayList<>();
    for (JsonNode item : n.required("media")) {
      media.add(new MediaItem(item.required("index").asInt(), text(item, "filename"), text(item, "contentType"),
          item.required("size").asLong(), text(item, "sha256"), text(item, "storedAs"),
          item.has("linkedTo") ? new TipId(text(item, "linkedTo")).value() : null));
    }
    Optional<Instant> uploadAfter = n.has("mediaUploadAfter") ? Optional.of(instant(text(n, "mediaUploadAfter")))
        : Optional.empty();
    TipStatus status = uploadAfter.isPresent() && !mediaArrived ? TipStatus.DEFERRED : TipStatus.RECEIVED;
    return new TipRecord(id, instant(text(n, "receivedAt")), metadata, media, status, Optional.empty(), uploadAfter);
  }

  private static Instant instant(String text) {
    Instant fast = IsoInstant.parseOrNull(text);
    return fast != null ? fast : Instant.parse(text);
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
