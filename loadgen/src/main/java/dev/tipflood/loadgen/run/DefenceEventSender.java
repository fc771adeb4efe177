package dev.tipflood.loadgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.loadgen.client.UserStartSchedule;
import dev.tipflood.scenarios.model.DefenceEvent;
import dev.tipflood.scenarios.model.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Sends a scenario's timed defence events to the embedded server's admin port, each at its time
 * on the load's own clock (time zero is where {@code client/progress.ndjson} counts
 * {@code elapsedMillis} from), and appends what it sent and the answer to
 * {@code events.ndjson}. Runs on its own daemon thread; it ends after the last event, or once
 * the run's whole length has passed, whichever is first.
 *
 * <pre>{@code
 * DefenceEventSender.start(scenario, server::adminUri, token, dir.clientProgress(), dir.root().resolve("events.ndjson"));
 * }</pre>
 */
public final class DefenceEventSender implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Time allowed past the scenario's end (Gatling start-up, lead, grace) before giving up. */
  private static final long MARGIN_MILLIS = 180_000;
  private static final long POLL_MILLIS = 20;

  private final List<DefenceEvent> events;
  private final Function<String, URI> admin;
  private final String token;
  private final Path progress;
  private final Path out;
  private final long deadlineMillis;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private DefenceEventSender(Scenario s, Function<String, URI> admin, String token, Path progress, Path out) {
    this.events = s.events();
    this.admin = admin;
    this.token = token;
    this.progress = progress;
    this.out = out;
    this.deadlineMillis = System.currentTimeMillis() + (UserStartSchedule.LEAD_SECONDS * 1000)
        + s.duration().toMillis() + MARGIN_MILLIS;
  }

  /** Starts sending {@code scenario}'s events, if it has any; returns at once. */
  public static void start(Scenario scenario, Function<String, URI> admin, String token, Path progress, Path out) {
    if (scenario.events().isEmpty()) {
      return;
    }
    Thread t = new Thread(new DefenceEventSender(scenario, admin, token, progress, out), "tipflood-defence-events");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    try {
      long zero = waitForTimeZero();
      for (DefenceEvent e : events) {
        long due = zero + e.at().toMillis();
        if (!sleepUntil(due)) {
          record(e, due, null, "the run ended before the event's time");
          continue;
        }
        send(e, due);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The epoch millisecond the load's clock counts from: the first progress line's {@code t - elapsedMillis}. */
  private long waitForTimeZero() throws InterruptedException {
    while (System.currentTimeMillis() < deadlineMillis) {
      if (Files.isRegularFile(progress)) {
        try (BufferedReader r = Files.newBufferedReader(progress, StandardCharsets.UTF_8)) {
          String first = r.readLine();
          if (first != null && first.endsWith("}")) {
            JsonNode line = JSON.readTree(first);
            return line.path("t").asLong() - line.path("elapsedMillis").asLong();
          }
        } catch (IOException partial) {
          // The line is still being written: read it again on the next poll.
        }
      }
      Thread.sleep(POLL_MILLIS);
    }
    return deadlineMillis;
  }

  private boolean sleepUntil(long epochMillis) throws InterruptedException {
    long now;
    while ((now = System.currentTimeMillis()) < epochMillis) {
      if (now >= deadlineMillis) {
        return false;
      }
      Thread.sleep(Math.min(POLL_MILLIS, epochMillis - now));
    }
    return now < deadlineMillis;
  }

  private void send(DefenceEvent e, long due) throws InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(admin.apply(path(e))).timeout(Duration.ofSeconds(5))
        .header("Authorization", "Bearer " + token);
    if (e.action() == DefenceEvent.Action.SET) {
      ObjectNode body = JSON.createObjectNode().put(e.setting(), e.to());
      b.header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString()));
    } else {
      b.POST(HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      record(e, due, r, null);
    } catch (IOException io) {
      record(e, due, null, io.toString());
    }
  }

  private static String path(DefenceEvent e) {
    return switch (e.action()) {
      case ENABLE -> "/defences/" + e.defence() + "/enable";
      case DISABLE -> "/defences/" + e.defence() + "/disable";
      case SET -> "/defences/" + e.defence();
    };
  }

  private void record(DefenceEvent e, long due, HttpResponse<String> r, String error) {
    ObjectNode line = JSON.createObjectNode()
        .put("event", e.describe())
        .put("atMillis", e.at().toMillis())
        .put("dueEpochMillis", due)
        .put("answeredEpochMillis", System.currentTimeMillis())
        .put("sent", r != null);
    if (r != null) {
      line.put("status", r.statusCode()).put("answer", r.body());
    } else {
      line.put("error", error);
    }
    try {
      Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException io) {
      throw new UncheckedIOException("cannot write " + out, io);
    }
  }
}
