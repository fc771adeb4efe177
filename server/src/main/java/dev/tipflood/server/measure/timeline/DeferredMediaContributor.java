package dev.tipflood.server.measure.timeline;

import dev.tipflood.server.measure.review.ClassCounters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tips whose media a brownout deferred ({@code 202 deferred}), and those whose media have since
 * arrived at {@code POST /api/v1/tips/{id}/media}, and those whose window closed without them
 * (sent to review on their text alone), per truth class: {@code deferred - arrived - textAlone}
 * is tips still waiting for their media, kept out of review.
 */
public final class DeferredMediaContributor implements TimelineContributor {
  private final ClassCounters deferred;
  private final ClassCounters arrived;
  private final ClassCounters textAlone;

  public DeferredMediaContributor(ClassCounters deferred, ClassCounters arrived, ClassCounters textAlone) {
    this.deferred = deferred;
    this.arrived = arrived;
    this.textAlone = textAlone;
  }

  @Override
  public void contribute(Map<String, Object> sample, long intervalNanos) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("deferred", deferred.byClass());
    m.put("arrived", arrived.byClass());
    m.put("textAlone", textAlone.byClass());
    sample.put("deferredMedia", m);
  }
}
