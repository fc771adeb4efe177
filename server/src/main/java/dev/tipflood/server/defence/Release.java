package dev.tipflood.server.defence;

/**
 * What an admission holds until its request ends: a concurrency slot, an upload count. The
 * adapter calls {@link #done} exactly once per admitted request.
 */
@FunctionalInterface
public interface Release {
  Release NONE = outcome -> { };

  void done(Outcome outcome);
}
