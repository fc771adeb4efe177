package dev.tipflood.reports.analysis;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When the service degraded and whether it came back. Times are seconds since the start of
 * the arrival schedule.
 *
 * @param firstSloBreach   the first moment an SLO was broken, with the offered load then
 * @param firstReadyFailure the first {@code /ready} probe that failed (empty: never, or not probed)
 * @param unavailable      intervals of unavailability, in order
 * @param floodEndSecond   end of the last junk arrival (the schedule's end when there is no junk)
 * @param loadEndSecond    end of the last arrival of any class
 * @param lastObservedSecond end of the data (exclusive)
 * @param recoverySeconds  from the flood's end to the start of lasting availability; empty when not recovered
 * @param metastability    stable, metastable or unknown
 */
public record Degradation(Optional<TimedEvent> firstSloBreach, Optional<TimedEvent> firstReadyFailure,
                          List<Unavailability> unavailable, int floodEndSecond, int loadEndSecond, int lastObservedSecond,
                          OptionalInt recoverySeconds, Metastability metastability) {
  public Degradation {
    unavailable = List.copyOf(unavailable);
  }

  public boolean metastable() {
    return metastability == Metastability.METASTABLE;
  }
}
