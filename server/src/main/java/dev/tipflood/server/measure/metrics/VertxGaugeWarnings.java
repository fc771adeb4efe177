package dev.tipflood.server.measure.metrics;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Silences one known, harmless Micrometer warning: "This Gauge has been already registered
 * (MeterId{name='vertx.…'})". Vert.x Micrometer metrics 5.0.x registers the per-server gauges
 * (e.g. {@code vertx.http.server.active.connections}) again for every new connection
 * (vert-x3/vertx-micrometer-metrics#259); Micrometer keeps the first gauge, and Vert.x keeps one
 * counter per meter id, so the numbers stay right. Any other duplicate registration, including
 * of our own {@code tipflood.*} meters, is still logged.
 */
public final class VertxGaugeWarnings {
  /** Micrometer logs duplicate gauges under the registry's class name. */
  static final String LOGGER = "io.micrometer.core.instrument.MeterRegistry";
  static final String PREFIX = "This Gauge has been already registered (MeterId{name='vertx.";

  // JUL holds loggers weakly: keep this one, or its filter is lost with it.
  private static final Logger REGISTRY_LOGGER = Logger.getLogger(LOGGER);

  private VertxGaugeWarnings() {}

  /** Installs the filter once per JVM; idempotent, and keeps any filter already there. */
  public static synchronized void install() {
    Filter current = REGISTRY_LOGGER.getFilter();
    if (current instanceof DropVertxDuplicates) {
      return;
    }
    REGISTRY_LOGGER.setFilter(new DropVertxDuplicates(current));
  }

  private record DropVertxDuplicates(Filter next) implements Filter {
    @Override
    public boolean isLoggable(LogRecord record) {
      String message = record.getMessage();
      if (message != null && message.startsWith(PREFIX)) {
        return false;
      }
      return next == null || next.isLoggable(record);
    }
  }
}
