package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.units.Durations;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A timed change to the server's defences that {@code tipflood run} sends to the admin port at
 * {@code at} into the run: exactly one of {@code enable}, {@code disable} or {@code set} (with
 * {@code to}). Fields are named as written in YAML:
 *
 * <pre>{@code
 * events:
 *   - {at: 3m, enable: per-device}
 *   - {at: 4m, set: global.rate, to: 50/s}
 *   - {at: 5m, disable: per-device}
 * }</pre>
 *
 * @param at      time into the run (the load's own clock)
 * @param enable  a defence to switch on, or null
 * @param disable a defence to switch off, or null
 * @param set     {@code <defence>.<setting>} to re-tune, or null
 * @param to      the new value of {@code set} (as in a profile: {@code 50/s}, {@code 2MB/s}, {@code 10})
 */
public record DefenceEvent(Duration at, String enable, String disable, String set, String to) {
    public static final String NAME_EXPECTED = "a defence name of the server profile: lower-case letters, digits and '-'";
    public static final String SET_EXPECTED = "<defence>.<setting>, e.g. global.rate";
    public static final String ACTION_EXPECTED = "exactly one of enable, disable or set (with to)";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SETTING = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}\\.[a-zA-Z][a-zA-Z0-9]{0,62}");

    /** What the event does. */
    public enum Action { ENABLE, DISABLE, SET }

    public DefenceEvent {
        int actions = (enable == null ? 0 : 1) + (disable == null ? 0 : 1) + (set == null ? 0 : 1);
        Checks.of().notNull("at", at)
                .require(at == null || !at.isNegative(), "at", at == null ? null : Durations.format(at), "must be >= 0")
                .require(actions == 1, actions == 0 ? "enable" : "set", actions, ACTION_EXPECTED)
                .require(enable == null || NAME.matcher(enable).matches(), "enable", enable, NAME_EXPECTED)
                .require(disable == null || NAME.matcher(disable).matches(), "disable", disable, NAME_EXPECTED)
                .require(set == null || SETTING.matcher(set).matches(), "set", set, SET_EXPECTED)
                .require(set == null || (to != null && !to.isBlank()), "to", to, "the new value of '" + set + "'")
                .require(set != null || to == null, "to", to, "only with set")
                .done();
    }

    public Action action() {
        return enable != null ? Action.ENABLE : disable != null ? Action.DISABLE : Action.SET;
    }

    /** The defence the event acts on. */
    public String defence() {
        return switch (action()) {
            case ENABLE -> enable;
            case DISABLE -> disable;
            case SET -> set.substring(0, set.indexOf('.'));
        };
    }

    /** The setting a {@code set} event changes; null otherwise. */
    public String setting() {
        return set == null ? null : set.substring(set.indexOf('.') + 1);
    }

    /** One line for people: {@code at 4m set global.rate to 50/s}. */
    public String describe() {
        return "at " + Durations.format(at) + " " + switch (action()) {
            case ENABLE -> "enable " + enable;
            case DISABLE -> "disable " + disable;
            case SET -> "set " + set + " to " + to;
        };
    }
}
