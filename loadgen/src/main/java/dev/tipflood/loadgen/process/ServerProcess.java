package dev.tipflood.loadgen.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock server as a child JVM, started per docs/contracts.md:
 * {@code java -Xmx<heap> -jar tipflood-server.jar --port 0 --admin-port 0 --profile P
 * --data-dir DIR --admin-token T --scale S}. {@link #start} returns once the start-up line
 * {@code tipflood-server listening public=<port> admin=<port>} was printed and {@code /ready}
 * answered 200.
 */
public final class ServerProcess implements AutoCloseable {
  static final String LISTENING = "tipflood-server listening ";
  private static final Pattern PORTS = Pattern.compile("public=(\\d+) admin=(\\d+)");

  private final ChildProcess child;
  private final int publicPort;
  private final int adminPort;
  private final String token;

  private ServerProcess(ChildProcess child, int publicPort, int adminPort, String token) {
    this.child = child;
    this.publicPort = publicPort;
    this.adminPort = adminPort;
    this.token = token;
  }

  /** What to start. */
  public record Spec(Path serverJar, String profile, double scale, String xmx, Path dataDir, String token,
                     Path stdout, Path stderr, List<String> extraJvmArgs) {
  }

  /**
   * Starts the server and waits until it is ready.
   *
   * @throws ServerStartException when it exits, or is not ready within {@code readyTimeout}
   */
  public static ServerProcess start(Spec spec, Duration readyTimeout) throws InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(JavaCommand.java());
    cmd.add(spec.xmx());
    cmd.addAll(spec.extraJvmArgs());
    cmd.addAll(List.of("-jar", spec.serverJar().toString(), "--port", "0", "--admin-port", "0",
        "--profile", spec.profile(), "--data-dir", spec.dataDir().toString(), "--admin-token", spec.token(),
        "--scale", Double.toString(spec.scale())));
    CompletableFuture<int[]> ports = new CompletableFuture<>();
    // The CLI's working directory, so a profile path means what the user typed.
    ChildProcess child = ChildProcess.start("tipflood-server", cmd, Path.of("").toAbsolutePath(), spec.stdout(),
        spec.stderr(), line -> {
          if (line.startsWith(LISTENING)) {
            Matcher m = PORTS.matcher(line);
            if (m.find()) {
              ports.complete(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
            }
          }
        }, Duration.ofSeconds(10));
    try {
      Instant deadline = Instant.now().plus(readyTimeout);
      int[] p = awaitPorts(child, ports, deadline, spec);
      ServerProcess server = new ServerProcess(child, p[0], p[1], spec.token());
      server.awaitReady(deadline, spec);
      return server;
    } catch (RuntimeException | InterruptedException e) {
      child.close();
      throw e;
    }
  }

  private static int[] awaitPorts(ChildProcess child, CompletableFuture<int[]> ports, Instant deadline, Spec spec)
      throws InterruptedException {
    while (Instant.now().isBefore(deadline)) {
      try {
        return ports.get(100, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException notYet) {
        if (!child.isAlive()) {
          throw new ServerStartException("tipflood-server exited with code " + child.exitCode().orElse(-1)
              + " before listening; see " + spec.stderr());
        }
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("unreachable: the port future is only completed normally", e);
      }
    }
    throw new ServerStartException("tipflood-server printed no '" + LISTENING.strip() + "' line in time; see "
        + spec.stdout());
  }

  private void awaitReady(Instant deadline, Spec spec) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready = HttpRequest.newBuilder(adminUri("/ready")).timeout(Duration.ofSeconds(2)).GET().build();
    while (Instant.now().isBefore(deadline)) {
      if (!child.isAlive()) {
        throw new ServerStartException("tipflood-server exited with code " + child.exitCode().orElse(-1)
            + " before it was ready; see " + spec.stderr());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // Not accepting yet: try again shortly.
      }
      Thread.sleep(100);
    }
    throw new ServerStartException("tipflood-server was not ready (GET /ready != 200) in time");
  }

  public URI publicUri() {
    return URI.create("http://127.0.0.1:" + publicPort);
  }

  public URI adminUri(String path) {
    return URI.create("http://127.0.0.1:" + adminPort + path);
  }

  public String token() {
    return token;
  }

  public long pid() {
    return child.pid();
  }

  public boolean isAlive() {
    return child.isAlive();
  }

  public java.util.OptionalInt exitCode() {
    return child.exitCode();
  }

  @Override
  public void close() {
    child.close();
  }

  /** The server did not come up. */
  public static final class ServerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerStartException(String message) {
      super(message);
    }
  }
}
