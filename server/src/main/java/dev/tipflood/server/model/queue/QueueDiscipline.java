package dev.tipflood.server.model.queue;

/** The order in which a stage takes waiting work. */
public enum QueueDiscipline {
  /** First come, first served: a flood ahead of a real tip delays it. */
  FIFO,
  /** Highest priority first, FIFO among equals: what a triage score feeds. */
  PRIORITY
}
