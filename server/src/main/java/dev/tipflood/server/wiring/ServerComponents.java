package dev.tipflood.server.wiring;

import dev.tipflood.server.config.Profile;
import dev.tipflood.server.health.HealthMonitor;
import dev.tipflood.server.ingress.ConnectionGate;
import dev.tipflood.server.storage.MediaStore;
import dev.tipflood.server.storage.TipStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a running server is made of, handed to a {@link ServerWiring.Factory} so extensions (the
 * capacity model, the measurement plane) can build on it.
 *
 * @param vertx the Vert.x instance
 * @param profile the validated, scaled profile
 * @param tips durable tip records
 * @param media media files
 * @param clock the clock every time-dependent part uses
 * @param metrics the registry {@code /metrics} scrapes
 * @param dataDir the data directory
 * @param health liveness and readiness checks; extensions add theirs with {@code addReadiness}
 * @param connections the public port's connection gate: {@code openConnections()} counts the
 *     public connections (the admin port's are not counted)
 */
public record ServerComponents(Vertx vertx, Profile profile, TipStore tips, MediaStore media, Clock clock,
    PrometheusMeterRegistry metrics, Path dataDir, HealthMonitor health, ConnectionGate connections) {}
