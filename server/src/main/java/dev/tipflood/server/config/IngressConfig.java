package dev.tipflood.server.config;

import static dev.tipflood.binding.InvalidFieldException.require;

import dev.tipflood.units.ByteSize;
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
 * @param slowBodyMinBytes what counts as progress: at least this many body bytes since the last
 *     progress, so a body trickling a byte at a time (slowloris at 1 byte/s) is no progress
 *     (default 1KiB: with a 30 s timeout, a body must average ~34 bytes/s)
 * @param headerTimeout a request head must arrive complete within this long of the connection's
 *     accept, or of its first byte after the previous exchange on a keep-alive connection; else
 *     {@code 408 header_timeout} (nothing at all sent: a silent close) and the connection is
 *     closed (header-phase slowloris, which each byte would keep from the idle timeout); 0 = never
 */
public record IngressConfig(CountCap maxConnections, Duration idleTimeout, Duration slowBodyTimeout,
    ByteSize slowBodyMinBytes, Duration headerTimeout) {
  public IngressConfig {
    maxConnections = maxConnections == null ? CountCap.of(1000) : maxConnections;
    idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
    slowBodyTimeout = slowBodyTimeout == null ? Duration.ofSeconds(30) : slowBodyTimeout;
    slowBodyMinBytes = slowBodyMinBytes == null ? ByteSize.ofBytes(1024) : slowBodyMinBytes;
    require(!slowBodyMinBytes.isUnlimited() && slowBodyMinBytes.bytes() >= 1 && slowBodyMinBytes.bytes() <= 1 << 20,
        "slowBodyMinBytes", "must be within 1B..1MiB, got " + slowBodyMinBytes);
    require(!idleTimeout.isNegative(), "idleTimeout", "must not be negative");
    require(idleTimeout.isZero() || idleTimeout.toMillis() >= 1000, "idleTimeout",
        "must be 0 (never) or at least 1s, got " + Durations.format(idleTimeout));
    require(!slowBodyTimeout.isNegative(), "slowBodyTimeout", "must not be negative");
    require(slowBodyTimeout.isZero() || slowBodyTimeout.toMillis() >= 100, "slowBodyTimeout",
        "must be 0 (never) or at least 100ms, got " + Durations.format(slowBodyTimeout));
    headerTimeout = headerTimeout == null ? Duration.ofSeconds(10) : headerTimeout;
    require(!headerTimeout.isNegative(), "headerTimeout", "must not be negative");
    require(headerTimeout.isZero() || headerTimeout.toMillis() >= 100, "headerTimeout",
        "must be 0 (never) or at least 100ms, got " + Durations.format(headerTimeout));
  }

  public static IngressConfig defaults() {
    return new IngressConfig(null, null, null, null, null);
  }
}
