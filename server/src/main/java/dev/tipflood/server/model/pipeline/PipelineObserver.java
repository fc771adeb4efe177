package dev.tipflood.server.model.pipeline;

/** Told each time a tip moves on, on the scheduler's thread: e.g. to update the tip store. */
@FunctionalInterface
public interface PipelineObserver {
  void progressed(String tipId, TipProgress progress);

  static PipelineObserver none() {
    return (id, progress) -> {};
  }
}
