package dev.tipflood.scenarios.arrival;

import dev.tipflood.scenarios.model.Population;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.model.Seeds;
import dev.tipflood.units.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The offered load of every population of a scenario, deterministic from its seed.
 *
 * <pre>{@code
 * ArrivalSchedule schedule = ArrivalSchedule.of(scenario);
 * double[] perSecond = schedule.population("fans").ratePerSecond();   // one entry per second
 * long[] offsets = schedule.population("fans").arrivalOffsetsMillis(); // sorted, from the start
 * }</pre>
 */
public final class ArrivalSchedule {
    /** Salt that separates arrival streams from corpus streams derived from the same seed. */
    private static final long ARRIVAL_STREAM = 0x41525249L;

    private final List<PopulationSchedule> populations;
    private final double durationSeconds;

    private ArrivalSchedule(List<PopulationSchedule> populations, double durationSeconds) {
        this.populations = List.copyOf(populations);
        this.durationSeconds = durationSeconds;
    }

    public static ArrivalSchedule of(Scenario scenario) {
        double seconds = Durations.seconds(scenario.duration());
        List<PopulationSchedule> list = new ArrayList<>();
        for (int i = 0; i < scenario.populations().size(); i++) {
            Population p = scenario.populations().get(i);
            list.add(new PopulationSchedule(p, seconds, Seeds.derive(scenario.seed(), ARRIVAL_STREAM, i)));
        }
        return new ArrivalSchedule(list, seconds);
    }

    public List<PopulationSchedule> populations() {
        return populations;
    }

    public PopulationSchedule population(String name) {
        return populations.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no population named " + name));
    }

    public double durationSeconds() {
        return durationSeconds;
    }

    /** Sum of every population's expected tips per second. */
    public double[] totalRatePerSecond() {
        double[] total = new double[(int) Math.ceil(durationSeconds)];
        for (PopulationSchedule p : populations) {
            double[] r = p.ratePerSecond();
            for (int i = 0; i < total.length; i++) {
                total[i] += r[i];
            }
        }
        return total;
    }
}
