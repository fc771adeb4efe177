package dev.tipflood.server.defence;

import java.util.Locale;

/** Why a defence refused or held a request. The adapter maps each to an HTTP status and error code. */
public enum Reason {
  /** A token bucket (per client or global) is empty: 429. */
  RATE_LIMITED,
  /** The adaptive concurrency limit is reached: 503. */
  CONCURRENCY_LIMITED,
  /** The request waited in a queue longer than its deadline (or CoDel shed it): 503. */
  QUEUE_TIMEOUT,
  /** The queue in front of a limit is full: 503. */
  QUEUE_FULL,
  /** The client already has its maximum of uploads in flight: 429. */
  TOO_MANY_UPLOADS,
  /** A bandwidth budget is spent: the body is paused (a hold, never a rejection). */
  BANDWIDTH,
  /** The public port has its maximum of connections open: 503. */
  TOO_MANY_CONNECTIONS,
  /** A request body made no progress for the slow-body timeout (slowloris): 408. */
  BODY_TIMEOUT,
  /** A connection moved no bytes either way for the idle timeout: it is closed, nothing is answered. */
  IDLE_TIMEOUT;

  /** The snake_case spelling used in counters and error codes. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
