package dev.tipflood.server.defence.throttle;

import static dev.tipflood.server.defence.InvalidSettingException.require;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Outcome;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} uploads in flight per client. Only clients with an upload in flight are
 * held, so memory is bounded by the uploads the server is serving, whatever the number of
 * identities. Retry-After is when the client's oldest upload should finish, from the mean
 * upload time.
 */
public final class ClientUploadCap implements Defence {

  /**
   * @param key device or address ({@code both} is not offered: one key per upload)
   * @param max uploads in flight per client
   */
  public record Settings(ClientKey key, int max) {
    public Settings {
      require(key == ClientKey.DEVICE || key == ClientKey.ADDRESS, "key", "must be device or address");
      require(max >= 1, "max", "must be at least 1, got " + max);
    }
  }

  private final Settings settings;
  private final NanoClock clock;
  private final ConcurrentHashMap<String, ServiceTimes> clients = new ConcurrentHashMap<>();
  private final ServiceTimes all = new ServiceTimes();
  private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

  public ClientUploadCap(Settings settings, NanoClock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Set<Point> points() {
    return settings.key().points();
  }

  @Override
  public Decision decide(Point point, Attempt attempt, long bytes) {
    String key = settings.key().keyAt(point, attempt);
    if (key == null) {
      return Decision.admit();
    }
    long now = clock.nanoTime();
    boolean[] admitted = new boolean[1];
    counts.compute(key, (k, n) -> {
      int c = n == null ? 0 : n;
      admitted[0] = c < settings.max();
      return admitted[0] ? c + 1 : n;
    });
    if (!admitted[0]) {
      // The client's oldest upload should end after the mean upload time (of every client's uploads).
      ServiceTimes mine = clients.get(key);
      long oldest = mine == null ? -1 : mine.oldestStart();
      long wait = Math.max(1_000_000L, oldest < 0 ? all.meanNanos() : oldest + all.meanNanos() - now);
      return Decision.reject(Reason.TOO_MANY_UPLOADS, wait,
          ClientKey.describe(key, attempt)
              + " already has " + settings.max() + " uploads in flight");
    }
    ServiceTimes mine = clients.computeIfAbsent(key, k -> new ServiceTimes());
    mine.started(now);
    return Decision.admit(outcome -> {
      long end = clock.nanoTime();
      boolean sample = outcome == Outcome.DURABLE;
      all.ended(now, end, sample);
      mine.ended(now, end, false);
      counts.compute(key, (k, n) -> {
        if (n == null || n <= 1) {
          clients.remove(key);
          return null;
        }
        return n - 1;
      });
    });
  }

  /** Clients with an upload in flight now. */
  public int liveKeys() {
    return counts.size();
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("keys", counts.size());
  }
}
