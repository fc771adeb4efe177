package dev.tipflood.server.config;

import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.InvalidSettingException;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.throttle.AdaptiveConcurrencyThrottle;
import dev.tipflood.server.defence.throttle.ClientBandwidthCap;
import dev.tipflood.server.defence.throttle.ClientUploadCap;
import dev.tipflood.server.defence.throttle.GlobalRateThrottle;
import dev.tipflood.server.defence.throttle.QueueDeadlineThrottle;
import dev.tipflood.server.defence.throttle.TokenBucketThrottle;
import dev.tipflood.units.ByteRate;
import dev.tipflood.units.ByteSize;
import dev.tipflood.server.defence.triage.TriageContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The one place where defence kinds map to builders: each kind's settings, their defaults, which
 * of them are byte sizes (scaled by {@code --scale}), and how a validated spec becomes a
 * {@link Defence}. docs/defences.md documents the same table.
 *
 * <pre>{@code
 * DefenceCatalogue.validate(spec);                     // InvalidSettingException names the field
 * Defence d = DefenceCatalogue.build(spec, clock);
 * }</pre>
 */
public final class DefenceCatalogue {

  /** Builds a defence from its validated settings, its clock and what triage defences share. */
  @FunctionalInterface
  interface Builder {
    Defence build(DefenceSettings settings, NanoClock clock, TriageContext triage);
  }

  /** One kind: its settings with defaults (null = required), the byte-valued ones, and its builder. */
  record Kind(String name, Map<String, String> defaults, Set<String> scaled, Builder builder) {}

  private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

  private static void kind(String name, Map<String, String> defaults, Set<String> scaled,
      BiFunction<DefenceSettings, NanoClock, Defence> builder) {
    KINDS.put(name, new Kind(name, defaults, scaled, (s, clock, triage) -> builder.apply(s, clock)));
  }

  private static void triageKind(String name, Map<String, String> defaults, Set<String> scaled, Builder builder) {
    KINDS.put(name, new Kind(name, defaults, scaled, builder));
  }

  /** Settings and their defaults, in documentation order, from name-value pairs (null: required). */
  static Map<String, String> settings(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  static {
    kind("token-bucket", settings("key", null, "capacity", "10", "refill", "1/6s", "maxKeys", "100000",
            "idleAfter", null), Set.of(),
        (s, clock) -> new TokenBucketThrottle(new TokenBucketThrottle.Settings(s.key("key"), s.count("capacity"),
            s.rate("refill"), s.count("maxKeys"), s.duration("idleAfter")), clock));
    kind("global-rate", settings("rate", null, "burst", "0", "bytes", "unlimited", "bytesBurst", "0"),
        Set.of("bytes", "bytesBurst"),
        (s, clock) -> new GlobalRateThrottle(new GlobalRateThrottle.Settings(s.rate("rate"), s.count("burst"),
            s.bytesPerSecond("bytes"), s.bytes("bytesBurst")), clock));
    kind("adaptive-concurrency", settings("algorithm", "gradient2", "initialLimit", "20", "minLimit", "2",
            "maxLimit", "200", "heavyAfter", null, "heavyHalfLife", "5m", "heavyShare", "0.25", "maxKeys", "100000"),
        Set.of(),
        (s, clock) -> new AdaptiveConcurrencyThrottle(new AdaptiveConcurrencyThrottle.Settings(
            s.choice("algorithm", AdaptiveConcurrencyThrottle.Algorithm::parse), s.intCount("initialLimit"),
            s.intCount("minLimit"), s.intCount("maxLimit"), heavySplit(s)), clock));
    kind("queue-deadline", settings("slots", "16", "maxQueued", "100", "deadline", "5s", "mode", "deadline",
            "target", "100ms", "interval", "1s"), Set.of(),
        (s, clock) -> new QueueDeadlineThrottle(new QueueDeadlineThrottle.Settings(s.intCount("slots"),
            s.intCount("maxQueued"), s.duration("deadline"), s.choice("mode", QueueDeadlineThrottle.Mode::parse),
            s.duration("target"), s.duration("interval")), clock));
    kind("client-bandwidth", settings("key", "address", "rate", null, "burst", "0", "maxKeys", "100000",
            "idleAfter", null), Set.of("rate", "burst"),
        (s, clock) -> new ClientBandwidthCap(new ClientBandwidthCap.Settings(s.key("key"),
            requiredRate(s, "rate"), s.bytes("burst"), s.count("maxKeys"), s.duration("idleAfter")), clock));
    kind("client-uploads", settings("key", "address", "max", "2"), Set.of(),
        (s, clock) -> new ClientUploadCap(new ClientUploadCap.Settings(s.key("key"), s.intCount("max")), clock));
    TriageKinds.register(DefenceCatalogue::triageKind);
  }

  /** The adaptive limit's light/heavy split: only with {@code heavyAfter}. */
  private static AdaptiveConcurrencyThrottle.HeavySplit heavySplit(DefenceSettings s) {
    if (s.raw("heavyAfter") == null) {
      return null;
    }
    return new AdaptiveConcurrencyThrottle.HeavySplit(s.count("heavyAfter"), s.duration("heavyHalfLife"),
        s.fraction("heavyShare"), s.count("maxKeys"));
  }

  private static long requiredRate(DefenceSettings s, String field) {
    long r = s.bytesPerSecond(field);
    InvalidSettingException.require(r > 0 || s.raw(field) != null, field, "is required: " + ByteRate.EXPECTED_OR_UNLIMITED);
    InvalidSettingException.require(r > 0, field, "must be a finite bandwidth: " + ByteRate.EXPECTED_OR_UNLIMITED);
    return r;
  }

  private DefenceCatalogue() {}

  /** The kinds, in documentation order. */
  public static List<String> kinds() {
    return List.copyOf(KINDS.keySet());
  }

  /** The settings a kind takes, sorted, for "allowed here" messages. */
  public static Set<String> settingsOf(String kind) {
    return new TreeSet<>(kindOf(kind).defaults().keySet());
  }

  /** Defaults of a kind's settings (null: required), in documentation order. */
  public static Map<String, String> defaultsOf(String kind) {
    return java.util.Collections.unmodifiableMap(kindOf(kind).defaults());
  }

  private static Kind kindOf(String kind) {
    Kind k = KINDS.get(kind);
    if (k == null) {
      throw InvalidSettingException.of("kind", "'" + kind + "' is not a defence kind; the kinds are: "
          + String.join(", ", KINDS.keySet()));
    }
    return k;
  }

  /**
   * Checks the name, the kind, that every setting is known and that the defence can be built.
   *
   * @throws InvalidSettingException naming the field ({@code name}, {@code kind} or a setting)
   */
  public static void validate(DefenceSpec spec) {
    NanoClock none = () -> 0L;
    build(spec, none, TriageContext.standalone(none));
  }

  /** Builds the defence of a spec on {@code clock}, with a triage context of its own. */
  public static Defence build(DefenceSpec spec, NanoClock clock) {
    return build(spec, clock, TriageContext.standalone(clock));
  }

  /** Builds the defence of a spec on {@code clock}; validates as {@link #validate} does. */
  public static Defence build(DefenceSpec spec, NanoClock clock, TriageContext triage) {
    InvalidSettingException.require(spec.name() != null, "name", "is required: lower-case letters, digits and '-'");
    InvalidSettingException.require(DefenceSpec.NAME.matcher(spec.name()).matches(), "name",
        "'" + spec.name() + "' is not allowed: use 1-63 lower-case letters, digits and '-'");
    InvalidSettingException.require(spec.kind() != null, "kind", "is required; the kinds are: "
        + String.join(", ", KINDS.keySet()));
    Kind kind = kindOf(spec.kind());
    for (String field : spec.settings().keySet()) {
      InvalidSettingException.require(kind.defaults().containsKey(field), field, "is not a setting of kind '"
          + kind.name() + "'; allowed here: " + String.join(", ", settingsOf(kind.name())));
    }
    return kind.builder().build(new DefenceSettings(spec.settings(), kind.defaults()), clock, triage);
  }

  /** Similarity scaling: the byte sizes and bandwidths of a spec multiplied by {@code factor}. */
  public static DefenceSpec scaled(DefenceSpec spec, double factor) {
    Kind kind = KINDS.get(spec.kind());
    if (kind == null || factor == 1.0) {
      return spec;
    }
    Map<String, String> out = new LinkedHashMap<>(spec.settings());
    for (String field : kind.scaled()) {
      String t = out.get(field);
      if (t == null || t.equals("0") || t.equals("unlimited")) {
        continue;
      }
      out.put(field, t.endsWith("/s") ? ByteRate.parse(t).scaled(factor).toString()
          : ByteSize.parse(t).scaled(factor).toString());
    }
    return new DefenceSpec(spec.name(), spec.kind(), spec.enabled(), out);
  }
}
