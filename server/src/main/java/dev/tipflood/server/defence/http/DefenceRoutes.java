package dev.tipflood.server.defence.http;

import dev.tipflood.server.wiring.RouteContributor;
import dev.tipflood.server.api.PublicRouter;
import dev.tipflood.server.api.upload.UploadGuard;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.control.DefenceSet;
import dev.tipflood.server.defence.triage.ReviewerMemory;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires a {@link DefenceSet} into the server: the admission handler on tip POSTs (new tips and a
 * deferred tip's media), the body guard
 * for the upload session, the periodic sweeps some defences need, and the admin routes.
 *
 * <pre>{@code
 * DefenceRoutes defences = new DefenceRoutes(new DefenceSet(profile.defences(), clock), clock, vertx);
 * new ServerWiring(pipeline, List.of(measure, defences), governor, defences.guard());
 * }</pre>
 */
public final class DefenceRoutes implements RouteContributor {
  private final DefenceSet set;
  private final NanoClock clock;
  private final Vertx vertx;
  private final List<Long> sweeps = new ArrayList<>();
  private final int lowScoreBelow;
  private final ReviewerMemory memory;

  public DefenceRoutes(DefenceSet set, NanoClock clock, Vertx vertx) {
    this(set, clock, vertx, Integer.MIN_VALUE, null);
  }

  /**
   * @param lowScoreBelow the review queue's low-score threshold ({@code review.lowScore.below}),
   *     {@link Integer#MIN_VALUE} when it has none: tips' summed priorities are counted against it
   * @param memory what triage learned, for the blocklist admin route; null without triage
   */
  public DefenceRoutes(DefenceSet set, NanoClock clock, Vertx vertx, int lowScoreBelow, ReviewerMemory memory) {
    this.lowScoreBelow = lowScoreBelow;
    this.memory = memory;
    this.set = set;
    this.clock = clock;
    this.vertx = vertx;
    armSweeps();
    set.onChange(this::armSweeps);
  }

  /** The upload session's guard: the request's defences when the admission handler made them. */
  public UploadGuard guard() {
    return DefenceRoutes::bodyOf;
  }

  private static UploadGuard.Body bodyOf(RoutingContext ctx) {
    RequestDefences rd = ctx.get(RequestDefences.KEY);
    return rd == null ? UploadGuard.Body.NONE : rd;
  }

  @Override
  public void contributeAdmission(Router router) {
    AdmissionHandler admission = new AdmissionHandler(set, clock, lowScoreBelow);
    router.post(PublicRouter.TIPS).handler(admission);
    router.post(PublicRouter.TIP_MEDIA).handler(admission); // a deferred tip's media: the same defences

  }

  @Override
  public void contributeAdmin(Router router) {
    new DefenceAdmin(set).routes(router);
    if (memory != null) {
      new BlocklistAdmin(memory).routes(router);
    }
  }

  /** One periodic timer per enabled defence that asks for sweeps; re-armed on every change. */
  private synchronized void armSweeps() {
    sweeps.forEach(vertx::cancelTimer);
    sweeps.clear();
    for (DefenceSet.Slot s : set.all()) {
      long every = s.defence().sweepEveryNanos();
      if (s.enabled() && every > 0) {
        sweeps.add(vertx.setPeriodic(Math.max(1, every / 1_000_000), id -> s.defence().sweep()));
      }
    }
  }
}
