package dev.tipflood.loadgen.run;

import dev.tipflood.loadgen.process.ServerProcess;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls the server's admin port once a second on a thread of its own while the load runs: a
 * hung server makes one poll take seconds, and the progress line must not wait for it. Nothing
 * is polled for an external target (no poller) or once the server has died.
 */
final class BackgroundPolling implements AutoCloseable {
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tipflood-server-poller");
    t.setDaemon(true);
    return t;
  });

  private BackgroundPolling() {}

  static BackgroundPolling start(ServerProcess server, ServerPoller poller) {
    BackgroundPolling polling = new BackgroundPolling();
    if (poller != null) {
      polling.thread.scheduleWithFixedDelay(() -> {
        if (server.isAlive()) {
          poller.poll();
        }
      }, 0, 1, TimeUnit.SECONDS);
    }
    return polling;
  }

  @Override
  public void close() throws InterruptedException {
    thread.shutdownNow();
    thread.awaitTermination(5, TimeUnit.SECONDS);
  }
}
