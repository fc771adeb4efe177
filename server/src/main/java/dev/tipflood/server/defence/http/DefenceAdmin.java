package dev.tipflood.server.defence.http;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.defence.InvalidSettingException;
import dev.tipflood.server.defence.control.DefenceSet;
import dev.tipflood.server.defence.control.UnknownDefenceException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The admin routes (behind the bearer token) that control defences while the server runs:
 * <ul>
 *   <li>{@code GET /defences}: every declared defence, enabled or not, its settings and state;
 *   <li>{@code POST /defences/{name}/enable}, {@code POST /defences/{name}/disable};
 *   <li>{@code PATCH /defences/{name}} with a JSON object of settings, e.g. {@code {"rate":"50/s"}}:
 *       validated as in a profile, then the defence is rebuilt with them.
 * </ul>
 */
final class DefenceAdmin {
  private static final int MAX_BODY = 16 * 1024;
  private final DefenceSet set;

  DefenceAdmin(DefenceSet set) {
    this.set = set;
  }

  void routes(Router router) {
    router.get("/defences").handler(this::list);
    router.post("/defences/:name/enable").handler(ctx -> change(ctx, set::enable));
    router.post("/defences/:name/disable").handler(ctx -> change(ctx, set::disable));
    router.patch("/defences/:name").handler(this::retune);
  }

  private void list(RoutingContext ctx) {
    JsonArray all = new JsonArray();
    set.all().forEach(s -> all.add(describe(s)));
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(new JsonObject()
        .put("defences", all).encode());
  }

  static JsonObject describe(DefenceSet.Slot s) {
    JsonObject settings = new JsonObject();
    s.spec().settings().forEach(settings::put);
    JsonObject state = new JsonObject();
    s.defence().state().forEach((k, v) -> state.put(k, v));
    JsonArray points = new JsonArray();
    s.defence().points().forEach(p -> points.add(p.wire()));
    return new JsonObject().put("name", s.name()).put("kind", s.spec().kind()).put("enabled", s.enabled())
        .put("points", points).put("settings", settings).put("state", state);
  }

  private void change(RoutingContext ctx, Function<String, DefenceSet.Slot> op) {
    try {
      DefenceSet.Slot s = op.apply(ctx.pathParam("name"));
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(describe(s).encode());
    } catch (UnknownDefenceException e) {
      ctx.fail(ApiException.of(ErrorCode.DEFENCE_NOT_FOUND, e.getMessage()));
    } catch (InvalidSettingException e) {
      ctx.fail(ApiException.of(ErrorCode.SETTING_INVALID, "setting '" + e.field() + "' of defence '"
          + ctx.pathParam("name") + "': " + e.problem()));
    }
  }

  private void retune(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      ctx.fail(ApiException.of(ErrorCode.SETTING_INVALID,
          "send the new settings as Content-Type: application/json, e.g. {\"rate\":\"50/s\"}"));
      return;
    }
    String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && !(length.trim().length() <= 6 && length.trim().chars().allMatch(Character::isDigit)
        && Integer.parseInt(length.trim()) <= MAX_BODY)) {
      // Refused from the header: the body is never read.
      ctx.fail(ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "settings bodies are at most " + MAX_BODY + " bytes"));
      return;
    }
    io.vertx.core.buffer.Buffer body = io.vertx.core.buffer.Buffer.buffer();
    boolean[] tooLarge = new boolean[1];
    ctx.request().handler(chunk -> {
      if (!tooLarge[0] && body.length() + chunk.length() <= MAX_BODY) {
        body.appendBuffer(chunk);
      } else {
        tooLarge[0] = true;
      }
    });
    ctx.request().exceptionHandler(t -> { });
    ctx.request().endHandler(v -> {
      if (tooLarge[0]) {
        ctx.fail(ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "settings bodies are at most " + MAX_BODY + " bytes"));
      } else {
        apply(ctx, body);
      }
    });
    ctx.request().resume();
  }

  private void apply(RoutingContext ctx, io.vertx.core.buffer.Buffer body) {
    Map<String, String> changes = new LinkedHashMap<>();
    try {
      JsonObject json = new JsonObject(body);
      for (String field : json.fieldNames()) {
        Object v = json.getValue(field);
        if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
          throw InvalidSettingException.of(field, "must be a single value (text, number or true/false)");
        }
        changes.put(field, v.toString());
      }
    } catch (DecodeException | ClassCastException e) {
      ctx.fail(ApiException.of(ErrorCode.SETTING_INVALID, "the body is not a JSON object of settings, e.g. "
          + "{\"rate\":\"50/s\"}"));
      return;
    } catch (InvalidSettingException e) {
      ctx.fail(ApiException.of(ErrorCode.SETTING_INVALID, "setting '" + e.field() + "': " + e.problem()));
      return;
    }
    if (changes.containsKey("name") || changes.containsKey("kind") || changes.containsKey("enabled")) {
      ctx.fail(ApiException.of(ErrorCode.SETTING_INVALID, "name, kind and enabled cannot be re-tuned; use "
          + "/enable and /disable to switch a defence"));
      return;
    }
    change(ctx, name -> set.retune(name, changes));
  }
}
