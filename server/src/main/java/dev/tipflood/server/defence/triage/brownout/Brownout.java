package dev.tipflood.server.defence.triage.brownout;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.triage.Pressure;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Metadata first, media later: while the service is under pressure (a readiness check fails,
 * more than {@code queueAbove} tips wait for processing, or more than {@code uploadsAbove} uploads
 * share the storage bandwidth) a tip's text is taken at once and
 * answered {@code 202 deferred}, with an upload slot {@code later} from now for its media; the
 * media parts of that request are read and dropped, never stored, and storage and processing are
 * spared the bytes while the flood lasts. The client uploads them from then on at
 * {@code POST /api/v1/tips/{id}/media}, where this defence is asked again: still under pressure,
 * the upload is answered {@code 503 media_still_deferred} with the wait again.
 *
 * <pre>{@code
 * Defence brownout = new Brownout(new Brownout.Settings(400, 64, Duration.ofMinutes(1), Duration.ofMinutes(10)), pressure);
 * Decision d = brownout.decide(Point.METADATA, attempt);   // Defer(60s) under pressure, else admit
 * }</pre>
 */
public final class Brownout implements Defence {

  /**
   * @param queueAbove tips waiting for processing beyond which the service counts as under pressure
   * @param uploadsAbove uploads sharing storage bandwidth beyond which it counts as under pressure
   * @param later how long after the deferral the client may upload its media
   * @param textAloneAfter how long after the deferral a tip whose media have not arrived goes to
   *     review on its text alone (its media window closes); longer than {@code later}
   */
  public record Settings(long queueAbove, long uploadsAbove, Duration later, Duration textAloneAfter) {}

  private final Settings settings;
  private final Pressure pressure;

  public Brownout(Settings settings, Pressure pressure) {
    this.settings = settings;
    this.pressure = pressure;
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public Set<Point> points() {
    return EnumSet.of(Point.METADATA);
  }

  @Override
  public Decision decide(Point point, Attempt attempt, long bytes) {
    if (point == Point.METADATA && underPressure()) {
      return new Decision.Defer(settings.later().toNanos());
    }
    return Decision.admit();
  }

  private boolean underPressure() {
    return pressure.unhealthy() || pressure.queuedForProcessing() > settings.queueAbove()
        || pressure.activeUploads() > settings.uploadsAbove();
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("underPressure", underPressure(), "queuedForProcessing", pressure.queuedForProcessing(),
        "activeUploads", pressure.activeUploads());
  }
}
