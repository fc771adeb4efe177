package dev.tipflood.server.config;

import static dev.tipflood.binding.InvalidFieldException.require;

import dev.tipflood.units.Durations;
import java.time.Duration;

/**
 * The HTTP front door.
 *
 * @param maxConnections open public connections; one more gets {@code 503 too_many_connections}
 *     with Retry-After and is closed
 * @param idleTimeout a connection with no traffic either way for this long is closed; 0 = never
 * @param slowBodyTimeout a request body that makes no progress for this long gets
 *     {@code 408 body_timeout} and its connection is closed (slowloris defence); 0 = never
 */
public record IngressConfig(CountCap maxConnections, Duration idleTimeout, Duration slowBodyTimeout) {
  public IngressConfig {
    maxConnections = maxConnections == null ? CountCap.of(1000) : maxConnections;
    idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
    slowBodyTimeout = slowBodyTimeout == null ? Duration.ofSeconds(30) : slowBodyTimeout;
    require(!idleTimeout.isNegative(), "idleTimeout", "must not be negative");
    require(idleTimeout.isZero() || idleTimeout.toMillis() >= 1000, "idleTimeout",
        "must be 0 (never) or at least 1s, got " + Durations.format(idleTimeout));
    require(!slowBodyTimeout.isNegative(), "slowBodyTimeout", "must not be negative");
    require(slowBodyTimeout.isZero() || slowBodyTimeout.toMillis() >= 100, "slowBodyTimeout",
        "must be 0 (never) or at least 100ms, got " + Durations.format(slowBodyTimeout));
  }

  public static IngressConfig defaults() {
    return new IngressConfig(null, null, null);
  }
}
