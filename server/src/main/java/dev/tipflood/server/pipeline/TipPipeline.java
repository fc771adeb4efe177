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
}
