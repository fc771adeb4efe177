package dev.tipflood.server.api;

import dev.tipflood.server.storage.TipStore;
import dev.tipflood.server.wiring.RouteContributor;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reviewers' view of a tip, on the admin port (bearer token): {@code GET /review/tips/{id}}
 * answers the tip as its public GET does, plus its {@code witnessGroup}: the other tips that
 * resemble it and nobody judged junk (several witnesses of one incident), as
 * {@code {"id","size","tips":[...]}}, or null. Other tips' ids are keys to those tips, so they are
 * shown to staff only, never on the public port.
 */
public final class ReviewRoutes implements RouteContributor {
  /**
   * A witness group as reviewers see it.
   *
   * @param id the group's id (its first tip's id)
   * @param size how many tips are in it
   * @param tips the ids of (the first of) its tips
   */
  public record WitnessGroup(String id, int size, List<String> tips) {
    public WitnessGroup {
      tips = List.copyOf(tips);
    }
  }

  static final String READ_POOL = "tipflood-review-reads";

  private final Vertx vertx;
  private final TipStore tips;
  private final Function<String, Optional<WitnessGroup>> groups;

  /** @param groups the witness group of a tip id, if it is in one */
  public ReviewRoutes(Vertx vertx, TipStore tips, Function<String, Optional<WitnessGroup>> groups) {
    this.vertx = vertx;
    this.tips = tips;
    this.groups = groups;
  }

  @Override
  public void contributeAdmin(Router router) {
    // Its own small pool: a reviewer's read never queues behind the public GETs or the storage work.
    WorkerExecutor reader = vertx.createSharedWorkerExecutor(READ_POOL, 1);
    router.get("/review/tips/:id").handler(new GetTipHandler(tips, reader, tip -> TipJson.of(tip)
        .put("witnessGroup", groups.apply(tip.id().value()).map(ReviewRoutes::json).orElse(null))));
  }

  private static JsonObject json(WitnessGroup g) {
    return new JsonObject().put("id", g.id()).put("size", g.size()).put("tips", new JsonArray(List.copyOf(g.tips())));
  }
}
