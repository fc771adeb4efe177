package dev.tipflood.server.health;

/**
 * One extra readiness check contributed by an extension (e.g. "the bounded processing queue is
 * full"). Called on the admin event loop for every {@code /ready} request, so it must be O(1),
 * thread-safe and non-blocking: read a value published elsewhere, compute nothing.
 */
@FunctionalInterface
public interface ReadinessSignal {
  CheckResult check();
}
