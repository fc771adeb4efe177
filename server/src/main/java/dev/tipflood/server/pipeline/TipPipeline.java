package dev.tipflood.server.pipeline;

import dev.tipflood.server.tip.TipRecord;

/**
 * What happens to a tip after it is durable and acknowledged: processing and review. The
 * capacity model plugs in here; the default does nothing, so tips stay {@code received}.
 *
 * <p>Called on the event loop that served the POST, once per acknowledged tip: an
 * implementation must not block (queue the work and return).
 */
@FunctionalInterface
public interface TipPipeline {
  /** A pipeline that does nothing. */
  TipPipeline NONE = tip -> { };

  /** The tip is durable and its 201 has been sent. */
  void accepted(TipRecord tip);

  /**
   * A tip acknowledged before a restart whose pipeline work was not finished; called at
   * start-up, in journal order, before the ports open. By default it starts over like a new tip.
   */
  default void resumed(TipRecord tip) {
    accepted(tip);
  }
}
