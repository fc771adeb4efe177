package dev.tipflood.server;

import dev.tipflood.server.config.Profile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to start one server.
 *
 * @param host public interface to bind
 * @param port public port, 0 for any free one
 * @param adminPort admin port, 0 for any free one
 * @param adminHost interface of the admin port: loopback unless configured otherwise ({@link AdminExposure})
 * @param dataDir where tips and media are stored
 * @param profile the validated, already scaled profile
 * @param adminToken the admin bearer token
 * @param eventLoops public verticle instances (one per event loop)
 * @param clock the clock for timestamps and timeouts
 * @param vertxHttpMetrics whether Vert.x's own per-request HTTP server metrics ({@code vertx_http_server_*})
 *     are on; off by default: the measurement plane's {@code tipflood_request_latency} already counts
 *     and times every request, and Vert.x's meters cost ~5% of the server's CPU per small request
 */
public record ServerSettings(String host, int port, int adminPort, String adminHost, Path dataDir, Profile profile, String adminToken,
    int eventLoops, Clock clock, boolean vertxHttpMetrics) {
  public ServerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(adminHost, "adminHost");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(adminToken, "adminToken");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535 || adminPort < 0 || adminPort > 65535) {
      throw new IllegalArgumentException("ports must be within 0..65535");
    }
    if (eventLoops < 1) {
      throw new IllegalArgumentException("eventLoops must be at least 1");
    }
  }

  /** Loopback, ephemeral ports, one event loop per core, the system clock. */
  public static ServerSettings loopback(Path dataDir, Profile profile, String adminToken) {
    return new ServerSettings("127.0.0.1", 0, 0, AdminExposure.LOOPBACK, dataDir, profile, adminToken,
        Runtime.getRuntime().availableProcessors(), Clock.systemUTC(), false);
  }
}
