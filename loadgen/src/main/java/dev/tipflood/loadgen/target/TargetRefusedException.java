package dev.tipflood.loadgen.target;

/** A target that is not loopback, without --i-own-this-target. */
public final class TargetRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TargetRefusedException(String message) {
    super(message);
  }
}
