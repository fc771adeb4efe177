package dev.tipflood.server.defence;

/** How an admitted request ended, reported to its {@link Release}. */
public enum Outcome {
  /** The tip is durable and acknowledged: a latency sample for adaptive limits. */
  DURABLE,
  /** The server failed or shed it (5xx, a timeout): a congestion signal. */
  DROPPED,
  /** The client's own doing (4xx, disconnect): says nothing about the server's capacity. */
  IGNORED
}
