package dev.tipflood.server.testing;

import dev.tipflood.server.ServerSettings;
import dev.tipflood.server.wiring.ServerWiring;
import dev.tipflood.server.TipfloodServer;
import dev.tipflood.server.capacity.CapacityWiring;
import dev.tipflood.server.config.Profile;
import dev.tipflood.server.config.ProfileLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real server on ephemeral loopback ports, in this JVM, over a temp data directory. */
public final class TestServer implements AutoCloseable {
  public static final String TOKEN = "test-token";
  private final TipfloodServer server;
  private final Path dataDir;

  private TestServer(TipfloodServer server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  /** Starts with a profile given as YAML text. */
  public static TestServer start(Path dataDir, String profileYaml) {
    return start(dataDir, ProfileLoader.parse(profileYaml.getBytes(StandardCharsets.UTF_8), "test profile"));
  }

  public static TestServer start(Path dataDir, Profile profile) {
    return start(dataDir, profile, ServerWiring.Factory.NONE);
  }

  /** Starts with the capacity model (storage bandwidth and quota, pipeline, measurement), as {@code serve} does. */
  public static TestServer startModelled(Path dataDir, String profileYaml) {
    return startModelled(dataDir, ProfileLoader.parse(profileYaml.getBytes(StandardCharsets.UTF_8), "test profile"));
  }

  public static TestServer startModelled(Path dataDir, Profile profile) {
    return start(dataDir, profile, new CapacityWiring());
  }

  public static TestServer start(Path dataDir, Profile profile, ServerWiring.Factory wiring) {
    try {
      TipfloodServer s = TipfloodServer.start(ServerSettings.loopback(dataDir, profile, TOKEN), wiring,
          note -> { }).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return new TestServer(s, dataDir);
    } catch (Exception e) {
      throw new IllegalStateException("test server did not start", e);
    }
  }

  public int port() {
    return server.publicPort();
  }

  public int adminPort() {
    return server.adminPort();
  }

  public Path dataDir() {
    return dataDir;
  }

  public TipfloodServer server() {
    return server;
  }

  /** Files in the temp directory right now. */
  public long tempFiles() {
    return count(dataDir.resolve("tmp"));
  }

  /** Files in the media directory right now. */
  public long mediaFiles() {
    return count(dataDir.resolve("media"));
  }

  private static long count(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Switches a defence off over the admin port, as an operator would. Tests that are about
   * another defence use it for {@code brownout}: every in-process test server shares this JVM's
   * heap with the whole test run, so its readiness (and with it the brownout) says more about the
   * test run than about the server under test.
   */
  public void disableDefence(String name) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort() + "/defences/" + name
            + "/disable")).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("cannot disable defence " + name + ": " + r.statusCode() + " " + r.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while disabling " + name, e);
    }
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("test server did not stop", e);
    }
  }
}
