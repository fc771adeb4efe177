package dev.tipflood.loadgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.process.ChildProcess;
import dev.tipflood.loadgen.process.ServerProcess;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Watches a running load generator once a second until it exits: prints the progress line (in
 * place on a terminal, every 5 s otherwise), notices the server dying, and stops the load
 * generator at the hard stop. The server and its poller are null for an external target.
 */
final class LoadWatch {
  private final LoadPlan plan;
  private final Path progressFile;
  private final ServerProcess server;
  private final ServerPoller poller;
  private final PrintStream err;
  private final boolean tty;
  private boolean serverDied;

  LoadWatch(LoadPlan plan, Path progressFile, ServerProcess server, ServerPoller poller, PrintStream err, boolean tty) {
    this.plan = plan;
    this.progressFile = progressFile;
    this.server = server;
    this.poller = poller;
    this.err = err;
    this.tty = tty;
  }

  /** Waits for the load generator's exit code; empty when it was killed at {@code hardStopSeconds}. */
  OptionalInt untilExit(ChildProcess gatling, long hardStopSeconds) throws InterruptedException {
    ProgressLine progress = new ProgressLine(plan);
    Instant start = Instant.now();
    JsonNode before = null;
    OptionalInt exit = OptionalInt.empty();
    while (exit.isEmpty()) {
      exit = gatling.waitFor(Duration.ofSeconds(1));
      long wall = Duration.between(start, Instant.now()).toSeconds();
      JsonNode now = RunOrchestrator.lastJsonLine(progressFile);
      // The schedule's clock starts when Gatling does, after its JVM start-up.
      long elapsed = now == null ? 0 : now.path("elapsedMillis").asLong(0) / 1000;
      noticeServerDeath(elapsed);
      String line = progress.render(elapsed, now, before, poller == null ? null : poller.lastSample());
      before = now;
      if (tty) {
        err.print("\r" + line + "   ");
      } else if (wall % 5 == 0) {
        err.println(line);
      }
      if (exit.isEmpty() && wall > hardStopSeconds) {
        err.println("\ntipflood: hard stop reached after " + wall + " s; killing the load generator");
        gatling.stop();
        return OptionalInt.empty();
      }
    }
    if (tty) {
      err.println();
    }
    return exit;
  }

  private void noticeServerDeath(long elapsed) {
    if (server != null && !serverDied && !server.isAlive()) {
      serverDied = true;
      err.println((tty ? "\n" : "") + "tipflood: tipflood-server DIED (exit " + server.exitCode().orElse(-1)
          + ") at " + elapsed + " s; load continues to record what clients see");
    }
  }

  /** Whether the embedded server died during the run, or is dead now. */
  boolean serverDied() {
    return serverDied || (server != null && !server.isAlive());
  }
}
