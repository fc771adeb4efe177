package dev.tipflood.loadgen.plan;

import java.util.Objects;

/**
 * A client's patience and persistence.
 *
 * @param timeoutMillis request timeout; a request that takes longer is recorded as a timeout
 * @param retry         what it does after a failure
 */
public record ClientBehaviour(int timeoutMillis, RetryPolicy retry) {
  public ClientBehaviour {
    if (timeoutMillis < 1) {
      throw new IllegalArgumentException("client.timeoutMillis must be >= 1, was " + timeoutMillis);
    }
    Objects.requireNonNull(retry, "client.retry");
  }
}
