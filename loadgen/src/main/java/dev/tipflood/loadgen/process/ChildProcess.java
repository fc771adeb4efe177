package dev.tipflood.loadgen.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child process whose stdout and stderr are copied line by line into files (and offered to a
 * line listener, to spot a start-up line). It is stopped on {@link #close()}, and by a shutdown
 * hook if the CLI is interrupted first: {@code destroy()} (SIGTERM), then
 * {@code destroyForcibly()} after the grace period.
 */
public final class ChildProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Duration grace;
  private final Thread hook;
  private final Thread outPump;
  private final Thread errPump;

  private ChildProcess(String name, Process process, Duration grace, Thread outPump, Thread errPump) {
    this.name = name;
    this.process = process;
    this.grace = grace;
    this.outPump = outPump;
    this.errPump = errPump;
    this.hook = new Thread(this::stop, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts {@code command}.
   *
   * @param stdout   file receiving stdout
   * @param stderr   file receiving stderr
   * @param onStdout sees every stdout line as it arrives (from a pump thread)
   */
  public static ChildProcess start(String name, List<String> command, Path workDir, Path stdout, Path stderr,
                                   Consumer<String> onStdout, Duration grace) {
    try {
      Files.createDirectories(stdout.toAbsolutePath().getParent());
      Files.createDirectories(stderr.toAbsolutePath().getParent());
      Process p = new ProcessBuilder(command).directory(workDir.toFile()).start();
      p.getOutputStream().close();
      Thread out = pump(name + "-stdout", p.getInputStream(), stdout, onStdout);
      Thread err = pump(name + "-stderr", p.getErrorStream(), stderr, line -> { });
      return new ChildProcess(name, p, grace, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
    }
  }

  private static Thread pump(String threadName, InputStream in, Path file, Consumer<String> onLine) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
           BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          w.write(line);
          w.newLine();
          w.flush();
          onLine.accept(line);
        }
      } catch (IOException e) {
        // The child died or closed its stream: what was read is in the file already.
        System.err.println("tipflood: output of " + threadName + " ended: " + e.getMessage());
      }
    }, threadName);
    t.setDaemon(true);
    t.start();
    return t;
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, or empty while running. */
  public java.util.OptionalInt exitCode() {
    return process.isAlive() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(process.exitValue());
  }

  /** Waits up to {@code timeout} for the process to end by itself; returns its exit code if it did. */
  public java.util.OptionalInt waitFor(Duration timeout) throws InterruptedException {
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      joinPumps();
      return java.util.OptionalInt.of(process.exitValue());
    }
    return java.util.OptionalInt.empty();
  }

  /** Stops the process: SIGTERM, then SIGKILL after the grace period. Idempotent. */
  public void stop() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          System.err.println("tipflood: " + name + " (pid " + process.pid() + ") did not stop within "
              + grace.toSeconds() + " s; killing it");
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    joinPumps();
  }

  private void joinPumps() {
    try {
      outPump.join(2000);
      errPump.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Already in shutdown: the hook is running or ran, which is what we want.
    }
  }
}
