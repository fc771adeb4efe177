package dev.tipflood.server.measure.timeline;

import dev.tipflood.server.measure.review.ClassCounters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tips whose media a brownout deferred ({@code 202 deferred}), and those whose media have since
 * arrived at {@code POST /api/v1/tips/{id}/media}, per truth class: the difference is tips still
 * waiting for their media, kept out of review.
 */
public final class DeferredMediaContributor implements TimelineContributor {
  private final ClassCounters deferred;
  private final ClassCounters arrived;

  public DeferredMediaContributor(ClassCounters deferred, ClassCounters arrived) {
    this.deferred = deferred;
    this.arrived = arrived;
  }

  @Override
  public void contribute(Map<String, Object> sample, long intervalNanos) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("deferred", deferred.byClass());
    m.put("arrived", arrived.byClass());
    sample.put("deferredMedia", m);
  }
}
