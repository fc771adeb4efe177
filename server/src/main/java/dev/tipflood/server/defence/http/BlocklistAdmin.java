package dev.tipflood.server.defence.http;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.defence.triage.ReviewerMemory;
import dev.tipflood.server.media.pdq.PdqBlocklistFile;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The admin routes (behind the bearer token) that seed the PDQ junk blocklist while the server
 * runs, as {@code --blocklist FILE} does at start-up:
 * <ul>
 *   <li>{@code POST /blocklist}, a body in {@code tipflood pdq}'s format ({@code hash,quality,file}
 *       lines; a bare hash is trusted): usable entries join the blocklist; quality below 50 is skipped;
 *       the body needs a Content-Length ({@code 411} without one, {@code 413} over 16 MiB);
 *   <li>{@code GET /blocklist}: what triage has learned so far (junk verdicts, hashes, reputation).
 * </ul>
 */
final class BlocklistAdmin {
  private static final int MAX_BODY = 16 << 20;
  private final ReviewerMemory memory;

  BlocklistAdmin(ReviewerMemory memory) {
    this.memory = memory;
  }

  void routes(Router router) {
    router.get("/blocklist").handler(ctx -> json(ctx, new JsonObject(new java.util.LinkedHashMap<>(memory.state()))));
    router.post("/blocklist").handler(this::add);
  }

  private void add(RoutingContext ctx) {
    String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      ctx.fail(ApiException.of(ErrorCode.LENGTH_REQUIRED, "send the blocklist with a Content-Length (at most "
          + MAX_BODY + " bytes); a chunked body is not taken"));
      return;
    }
    if (!length.trim().matches("\\d{1,9}") || Integer.parseInt(length.trim()) > MAX_BODY) {
      ctx.fail(ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "send the blocklist with a Content-Length of at most "
          + MAX_BODY + " bytes"));
      return;
    }
    ctx.request().body().onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ApiException.of(ErrorCode.HTTP_MALFORMED, "the blocklist body could not be read"));
        return;
      }
      apply(ctx, ar.result());
    });
  }

  private void apply(RoutingContext ctx, Buffer body) {
    PdqBlocklistFile.Loaded loaded;
    try {
      loaded = PdqBlocklistFile.parse(Path.of("request-body"), body.toString(StandardCharsets.UTF_8));
    } catch (PdqBlocklistFile.BlocklistException e) {
      ctx.fail(ApiException.of(ErrorCode.SETTING_INVALID, e.getMessage()));
      return;
    }
    int added = 0;
    for (PdqBlocklistFile.Entry e : loaded.entries()) {
      if (e.usable()) {
        memory.blockPdq(e.hash());
        added++;
      }
    }
    json(ctx, new JsonObject().put("added", added).put("skippedLowQuality", loaded.lowQuality())
        .put("blocklist", memory.junkPdq().size()));
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encode());
  }
}
