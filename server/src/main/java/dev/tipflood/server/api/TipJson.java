package dev.tipflood.server.api;

import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The public JSON view of a tip, and the whole of what {@code GET /api/v1/tips/{id}} reveals
 * (docs/server.md, "What a tip's GET reveals"): what the submitter sent, what the server computed
 * from it (sizes, SHA-256) and where the tip is. Never the stored file names, the data directory,
 * the client's address, the load generator's truth label, nor who reviewed it.
 */
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
          .put("sha256", m.sha256())
          // Stored as a reference to identical bytes stored before; never which tip stored them (an id is a key).
          .put("linked", m.linked()));
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
    if (tip.status() == TipStatus.DEFERRED) {
      // Where and from when the client uploads the media a brownout deferred.
      json.put("mediaUploadAfter", tip.mediaUploadAfter().map(Object::toString).orElse(null))
          .put("mediaUpload", PublicRouter.TIPS + "/" + tip.id().value() + "/media");
    } else if (tip.textAlone()) {
      json.put("textAlone", true); // its deferred media never came: reviewed on its text alone
    }
    json.put("review", tip.review().map(r -> new JsonObject()
        .put("verdict", r.verdict().wireName())
        .put("reviewedAt", r.reviewedAt().toString())).orElse(null));
    return json;
  }
}
