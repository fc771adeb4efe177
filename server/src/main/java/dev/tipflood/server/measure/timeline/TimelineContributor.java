package dev.tipflood.server.measure.timeline;

import java.util.Map;

/**
 * Adds one resource's figures to a timeline sample. Called once per sample, from the sampler's
 * thread; must not block.
 */
@FunctionalInterface
public interface TimelineContributor {

  /**
   * @param sample the sample being built: add keys (nested maps are fine), do not remove any
   * @param intervalNanos time since the previous sample, for per-interval rates
   */
  void contribute(Map<String, Object> sample, long intervalNanos);
}
