package dev.tipflood.server.measure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up and new connections log no "Gauge already registered" warning (Vert.x re-registers per connection). */
class VertxGaugeWarningsTest {
  @TempDir Path dir;

  @Test
  void repeatedConnectionsLogNoDuplicateGaugeWarning() throws Exception {
    Logger logger = Logger.getLogger(VertxGaugeWarnings.LOGGER);
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record.getLevel() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Level before = logger.getLevel();
    // Micrometer warns once per JVM, then logs at debug: capture every level.
    logger.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    logger.addHandler(capture);
    try (TestServer server = TestServer.start(dir, "name: t\n")) {
      // a fresh client per request: each request is a new connection
      for (int i = 0; i < 3; i++) {
        for (int port : new int[] {server.port(), server.adminPort()}) {
          HttpClient http = HttpClient.newHttpClient();
          http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
              HttpResponse.BodyHandlers.discarding());
        }
      }
    } finally {
      logger.removeHandler(capture);
      logger.setLevel(before);
    }
    assertThat(logged).noneMatch(m -> m.contains("already registered"));
  }

  @Test
  void otherDuplicateGaugesAreStillLogged() {
    VertxGaugeWarnings.install();
    Logger logger = Logger.getLogger(VertxGaugeWarnings.LOGGER);
    assertThat(logger.getFilter().isLoggable(new LogRecord(Level.WARNING,
        "This Gauge has been already registered (MeterId{name='tipflood.stage.queued', tags=[]})"))).isTrue();
    assertThat(logger.getFilter().isLoggable(new LogRecord(Level.WARNING,
        VertxGaugeWarnings.PREFIX + "http.server.active.connections', tags=[]})"))).isFalse();
  }
}
