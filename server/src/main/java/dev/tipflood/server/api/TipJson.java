package dev.tipflood.server.api;

import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.TipRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The public JSON view of a tip (documented in docs/server.md). Storage names are not exposed. */
final class TipJson {
  private TipJson() {}

  static JsonObject of(TipRecord tip) {
    JsonArray media = new JsonArray();
    for (MediaItem m : tip.media()) {
      media.add(new JsonObject()
          .put("index", m.index())
          .put("filename", m.filename())
          .put("type", m.contentType())
          .put("size", m.size())
          .put("sha256", m.sha256()));
    }
    JsonObject json = new JsonObject()
        .put("id", tip.id().value())
        .put("status", tip.status().wireName())
        .put("receivedAt", tip.receivedAt().toString())
        .put("metadata", new JsonObject()
            .put("description", tip.metadata().description())
            .put("lat", tip.metadata().lat())
            .put("lon", tip.metadata().lon())
            .put("occurredAt", tip.metadata().occurredAt().toString())
            .put("deviceId", tip.metadata().deviceId()))
        .put("media", media);
    json.put("review", tip.review().map(r -> new JsonObject()
        .put("verdict", r.verdict().wireName())
        .put("reviewer", r.reviewer())
        .put("reviewedAt", r.reviewedAt().toString())).orElse(null));
    return json;
  }
}
