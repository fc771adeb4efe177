package dev.tipflood.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shaded server jar run as a child JVM, as the load generator runs it. */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("tipflood-server listening public=(\\d+) admin=(\\d+)");
  private final Process process;
  private final int port;
  private final int adminPort;

  private ServerProcess(Process process, int port, int adminPort) {
    this.process = process;
    this.port = port;
    this.adminPort = adminPort;
  }

  /** The jar that {@code mvn package} builds. */
  public static Path jar() {
    Path jar = Path.of("target", "tipflood-server.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing; run 'mvn package' first");
    }
    return jar;
  }

  /** Starts the jar and waits for its start-up line; its stderr goes to this JVM's. */
  public static ServerProcess start(Path dataDir, String profile, String token) throws IOException {
    return start(dataDir, profile, token, ProcessBuilder.Redirect.INHERIT);
  }

  /** As {@link #start(Path, String, String)}, appending the server's stderr to {@code stderrFile}. */
  public static ServerProcess start(Path dataDir, String profile, String token, Path stderrFile) throws IOException {
    return start(dataDir, profile, token, ProcessBuilder.Redirect.appendTo(stderrFile.toFile()));
  }

  /** As {@link #start(Path, String, String, Path)}, with more server options ({@code --blocklist FILE}). */
  public static ServerProcess start(Path dataDir, String profile, String token, Path stderrFile, String... options)
      throws IOException {
    return start(dataDir, profile, token, ProcessBuilder.Redirect.appendTo(stderrFile.toFile()), options);
  }

  private static ServerProcess start(Path dataDir, String profile, String token, ProcessBuilder.Redirect stderr,
      String... options) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", jar().toString(), "--port", "0", "--admin-port", "0", "--data-dir", dataDir.toString(),
        "--profile", profile, "--admin-token", token));
    cmd.addAll(List.of(options));
    Process p = new ProcessBuilder(cmd).redirectError(stderr).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.matches()) {
        return new ServerProcess(p, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
    }
    p.destroyForcibly();
    throw new IOException("server exited before printing its start-up line");
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public int adminPort() {
    return adminPort;
  }

  /** SIGKILL: no shutdown hook, no flush, nothing. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("server did not die");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill9();
    }
  }
}
