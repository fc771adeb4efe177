package dev.tipflood.server.defence;

/**
 * The monotonic clock every defence reads, injected so a policy runs the same in the server, in
 * a unit test with a manual clock and in virtual time. Policies never call System.nanoTime.
 */
@FunctionalInterface
public interface NanoClock {
  long nanoTime();
}
