package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.InvalidFieldException;
import dev.tipflood.binding.Rule;
import dev.tipflood.scenarios.validate.ScenarioException;
import dev.tipflood.units.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A validated, immutable load scenario. Load one with {@link Scenarios#load} or
 * {@link Scenarios#builtin}; change it only through the {@code with*} methods, which validate.
 *
 * <pre>{@code
 * Scenario s = Scenarios.resolve("fancam-flood").withScale(0.01).withDuration(Duration.ofSeconds(60));
 * ArrivalSchedule schedule = ArrivalSchedule.of(s);
 * }</pre>
 *
 * @param name        identifier, also used in run directories
 * @param description what it models and why its numbers are plausible
 * @param seed        seed of every random choice (arrivals, sizes, corpus)
 * @param duration    how long load is offered
 * @param scale       similarity scale applied to every byte size and bandwidth, in (0, 1]
 * @param target      embedded mock server or external URL
 * @param profile     server profile name or file
 * @param slo         service level objectives
 * @param populations at least one, names unique
 * @param events      timed changes to the server's defences, each within the duration, in time order
 */
public record Scenario(String name, String description, long seed, Duration duration, double scale, Target target,
                       String profile, Slo slo, List<Population> populations, List<DefenceEvent> events) {

    public static final String NAME_EXPECTED = "1-60 characters: lower-case letters, digits and '-', starting with a letter";

    public Scenario {
        Checks.of().notNull("name", name).notNull("description", description).notNull("duration", duration)
                .notNull("target", target).notNull("profile", profile).notNull("slo", slo)
                .notNull("populations", populations).done();
        populations = List.copyOf(populations);
        events = events == null ? List.of() : List.copyOf(events);
        Checks.of().require(name.matches("[a-z][a-z0-9-]{0,59}"), "name", name, NAME_EXPECTED)
                .require(duration.toMillis() >= 1000, "duration", Durations.format(duration), "must be >= 1s")
                .check("scale", scale, Rule.SCALE)
                .require(!profile.isBlank(), "profile", profile, "a server profile name such as naive, or a YAML file")
                .require(!populations.isEmpty(), "populations", "[]", "at least one population")
                .require(populations.stream().map(Population::name).distinct().count() == populations.size(),
                        "populations", populations.stream().map(Population::name).toList(), "population names must be unique")
                .done();
        for (int i = 0; i < events.size(); i++) {
            DefenceEvent e = events.get(i);
            Checks.of().require(e.at().compareTo(duration) <= 0, "events[" + i + "].at", Durations.format(e.at()),
                            "within the duration (" + Durations.format(duration) + ")")
                    .require(i == 0 || !e.at().minus(events.get(i - 1).at()).isNegative(), "events[" + i + "].at",
                            Durations.format(e.at()), "events in time order: not before the one above it")
                    .done();
        }
    }

    /** A scenario without defence events. */
    public Scenario(String name, String description, long seed, Duration duration, double scale, Target target,
                    String profile, Slo slo, List<Population> populations) {
        this(name, description, seed, duration, scale, target, profile, slo, populations, List.of());
    }

    /** The population with this name. */
    public Optional<Population> population(String populationName) {
        return populations.stream().filter(p -> p.name().equals(populationName)).findFirst();
    }

    /** Bytes after similarity scaling. */
    public long scaleBytes(long bytes) {
        return bytes == 0 ? 0 : Math.max(1, Math.round(bytes * scale));
    }

    public Scenario withDuration(Duration newDuration) {
        return override(() -> new Scenario(name, description, seed, newDuration, scale, target, profile, slo, populations, events));
    }

    public Scenario withScale(double newScale) {
        return override(() -> new Scenario(name, description, seed, duration, newScale, target, profile, slo, populations, events));
    }

    public Scenario withSeed(long newSeed) {
        return override(() -> new Scenario(name, description, newSeed, duration, scale, target, profile, slo, populations, events));
    }

    public Scenario withProfile(String newProfile) {
        return override(() -> new Scenario(name, description, seed, duration, scale, target, newProfile, slo, populations, events));
    }

    public Scenario withTarget(Target newTarget) {
        return override(() -> new Scenario(name, description, seed, duration, scale, newTarget, profile, slo, populations, events));
    }

    /** The same scenario with other populations (each already validated), for derived loads such as a sweep step. */
    public Scenario withPopulations(List<Population> newPopulations) {
        return override(() -> new Scenario(name, description, seed, duration, scale, target, profile, slo, newPopulations, events));
    }

    /** The same scenario with other timed defence events (empty: none). */
    public Scenario withEvents(List<DefenceEvent> newEvents) {
        return override(() -> new Scenario(name, description, seed, duration, scale, target, profile, slo, populations, newEvents));
    }

    private static Scenario override(Supplier<Scenario> change) {
        try {
            return change.get();
        } catch (InvalidFieldException e) {
            throw new ScenarioException(e.violations().stream()
                    .map(v -> new dev.tipflood.binding.ValidationError("<override>", 0, 0, v.field(), v.value(),
                            v.expected()))
                    .toList());
        }
    }
}
