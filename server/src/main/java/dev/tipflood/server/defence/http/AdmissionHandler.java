package dev.tipflood.server.defence.http;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.control.DefenceSet;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The first defence handler of a tip POST, before any body byte is read: builds the request's
 * {@link RequestDefences}, asks the defences acting on the headers in profile order, and either
 * goes on, answers a rejection (the body is then drained and dropped, never stored), or pauses
 * the request while it waits in a defence's queue. When no defence acts on requests it only
 * calls {@code next()}.
 */
final class AdmissionHandler implements Handler<RoutingContext> {
  private final DefenceSet set;
  private final NanoClock clock;

  private final int lowScoreBelow;

  AdmissionHandler(DefenceSet set, NanoClock clock, int lowScoreBelow) {
    this.set = set;
    this.clock = clock;
    this.lowScoreBelow = lowScoreBelow;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!set.anyOnRequests()) {
      ctx.next();
      return;
    }
    var request = ctx.request();
    RequestDefences rd = new RequestDefences(set, new Attempt(ClientAddress.of(request),
        ClientAddress.declaredBytes(request), clock.nanoTime()), ctx.vertx(), lowScoreBelow);
    ctx.put(RequestDefences.KEY, rd);
    ctx.put(DecisionLog.KEY, rd.log());
    ctx.addEndHandler(ar -> rd.finish(RequestDefences.outcomeOf(ar.succeeded(), ctx.response().getStatusCode())));
    decide(ctx, rd, set.at(Point.HEADERS), 0, false);
  }

  /** Asks {@code slots} from {@code from}; {@code resume} once the request was paused for a queue. */
  private void decide(RoutingContext ctx, RequestDefences rd, DefenceSet.Slot[] slots, int from, boolean resume) {
    for (int i = from; i < slots.length; i++) {
      DefenceSet.Slot slot = slots[i];
      Decision d = slot.defence().decide(Point.HEADERS, rd.attempt());
      rd.logged(slot.name(), Point.HEADERS, d);
      if (d instanceof Decision.Admit a) {
        rd.hold(a.release());
      } else if (d instanceof Decision.Reject r) {
        refuse(ctx, rd, slot.name(), r);
        return;
      } else if (d instanceof Decision.Queued q) {
        waitInQueue(ctx, rd, slots, i, slot, q, resume);
        return;
      }
    }
    ctx.next();
    if (resume) {
      ctx.request().resume();
    }
  }

  private void waitInQueue(RoutingContext ctx, RequestDefences rd, DefenceSet.Slot[] slots, int i,
      DefenceSet.Slot slot, Decision.Queued q, boolean resume) {
    if (!resume) {
      ctx.request().pause();
    }
    Context context = ctx.vertx().getOrCreateContext();
    q.ticket().onSettled(settled -> context.runOnContext(v -> {
      rd.logged(slot.name(), Point.HEADERS, settled);
      if (settled instanceof Decision.Admit a) {
        rd.hold(a.release());
        decide(ctx, rd, slots, i + 1, true);
      } else if (settled instanceof Decision.Reject r) {
        refuse(ctx, rd, slot.name(), r);
      }
    }));
  }

  private static void refuse(RoutingContext ctx, RequestDefences rd, String name, Decision.Reject r) {
    rd.refusedByDefence();
    ctx.fail(DefenceResponses.refused(name, r));
  }
}
