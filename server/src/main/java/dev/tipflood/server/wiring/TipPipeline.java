package dev.tipflood.server.wiring;

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
  TipPipeline NONE = (tip, priority) -> { };

  /**
   * The tip is durable and its 201 (or 202) has been sent.
   *
   * @param priority its review priority, the sum the defences gave it after durability
   *     ({@code Decision.Prioritise}); 0 when none did. Higher is reviewed sooner by a
   *     {@code priority} review queue; a {@code fifo} queue ignores it.
   */
  void accepted(TipRecord tip, int priority);

  /**
   * A tip's text is durable and its {@code 202 deferred} has been sent: its media come later, and
   * the tip enters the pipeline through {@link #accepted} once they have. Nothing by default.
   */
  default void deferred(TipRecord tip) {}

  /**
   * A tip deferred before a restart whose media have not arrived; called at start-up, before the
   * ports open, so its {@code textAloneAfter} window is watched again. Nothing by default.
   */
  default void stillDeferred(TipRecord tip) {}

  /**
   * A tip acknowledged before a restart whose pipeline work was not finished; called at
   * start-up, in journal order, before the ports open. By default it starts over like a new tip.
   */
  default void resumed(TipRecord tip) {
    accepted(tip, 0);
  }
}
