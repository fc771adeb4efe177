package dev.tipflood.server.storage;

import dev.tipflood.server.tip.TipId;

/** An update named a tip the store does not hold. */
public final class UnknownTipException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownTipException(TipId id) {
    super("no tip with id " + id);
  }
}
