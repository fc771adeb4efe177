package dev.tipflood.server.config;

import dev.tipflood.binding.Conv;
import dev.tipflood.binding.Convs;
import dev.tipflood.binding.MapView;
import dev.tipflood.binding.Problems;
import dev.tipflood.binding.Rule;
import dev.tipflood.binding.YNode;
import dev.tipflood.binding.YamlDocument;
import dev.tipflood.server.defence.InvalidSettingException;
import dev.tipflood.units.ByteRate;
import dev.tipflood.units.ByteSize;
import dev.tipflood.units.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads profile YAML into the immutable {@link Profile} with the binding scenarios use: every
 * error at once, each with file, line, column, field path, the value as written and what is
 * valid. Defaults live in the records; absent fields are passed as null.
 */
final class ProfileReader {
  private static final Rule ANY_NUMBER = new Rule("must be a number", Double::isFinite);
  private static final Conv<ByteSize> SIZE = Convs.parsed(ByteSize::parseOrUnlimited, ByteSize.EXPECTED_OR_UNLIMITED);
  private static final Conv<ByteRate> BANDWIDTH =
      Convs.parsed(ByteRate::parseOrUnlimited, ByteRate.EXPECTED_OR_UNLIMITED);
  private static final Conv<CountCap> COUNT = Convs.parsed(CountCap::parse, CountCap.ALLOWED);
  private static final Conv<Duration> DURATION = Convs.duration();
  private static final Conv<Double> NUMBER = Convs.number(ANY_NUMBER);
  private static final Conv<Boolean> FLAG = Convs.bool();
  private static final Conv<String> NAME = Convs.parsed(t -> {
    if (!Profile.isValidName(t)) {
      throw new IllegalArgumentException(Profile.NAME_EXPECTED);
    }
    return t;
  }, Profile.NAME_EXPECTED);

  private ProfileReader() {}

  /** Parses and validates; throws a {@link ProfileException} listing every problem. */
  static Profile read(String yaml, String file) {
    return YamlDocument.read(yaml, file, ProfileReader::profile, ProfileException::new);
  }

  private static Profile profile(MapView m) {
    String name = m.required("name", NAME, Profile.NAME_EXPECTED);
    String description = m.optional("description", Convs.text("one line of text"), null);
    JvmConfig jvm = m.optional("jvm", Convs.object(ProfileReader::jvm), null);
    LimitsConfig limits = m.optional("limits", Convs.object(ProfileReader::limits), null);
    UploadsConfig uploads = m.optional("uploads", Convs.object(ProfileReader::uploads), null);
    IngressConfig ingress = m.optional("ingress", Convs.object(ProfileReader::ingress), null);
    DebugConfig debug = m.optional("debug", Convs.object(ProfileReader::debug), null);
    StorageConfig storage = m.optional("storage", Convs.object(ProfileReader::storage), null);
    ProcessingConfig processing = m.optional("processing", Convs.object(ProfileReader::processing), null);
    ReviewConfig review = m.optional("review", Convs.object(ProfileReader::review), null);
    HealthConfig health = m.optional("health", Convs.object(ProfileReader::health), null);
    List<DefenceSpec> defences = m.optional("defences", Convs.list(ProfileReader::defence), null);
    return m.build(() -> new Profile(name, description, jvm, limits, uploads, ingress, debug, storage, processing,
        review, health, defences));
  }

  private static JvmConfig jvm(MapView m) {
    ByteSize heap = m.optional("heap", SIZE, null);
    return m.build(() -> new JvmConfig(heap));
  }

  private static LimitsConfig limits(MapView m) {
    ByteSize request = m.optional("maxRequestBytes", SIZE, null);
    ByteSize media = m.optional("maxMediaBytes", SIZE, null);
    CountCap parts = m.optional("maxParts", COUNT, null);
    ByteSize metadata = m.optional("maxMetadataBytes", SIZE, null);
    CountCap description = m.optional("maxDescriptionChars", COUNT, null);
    ByteSize headers = m.optional("maxHeaderBytes", SIZE, null);
    return m.build(() -> new LimitsConfig(request, media, parts, metadata, description, headers));
  }

  private static UploadsConfig uploads(MapView m) {
    Boolean buffered = m.optional("bufferUploadsInMemory", FLAG, null);
    return m.build(() -> new UploadsConfig(buffered));
  }

  private static IngressConfig ingress(MapView m) {
    CountCap connections = m.optional("maxConnections", COUNT, null);
    Duration idle = m.optional("idleTimeout", DURATION, null);
    Duration slowBody = m.optional("slowBodyTimeout", DURATION, null);
    ByteSize slowBodyMinBytes = m.optional("slowBodyMinBytes", SIZE, null);
    Duration header = m.optional("headerTimeout", DURATION, null);
    return m.build(() -> new IngressConfig(connections, idle, slowBody, slowBodyMinBytes, header));
  }

  private static DebugConfig debug(MapView m) {
    Duration delay = m.optional("fixedResponseDelay", DURATION, null);
    return m.build(() -> new DebugConfig(delay));
  }

  private static StorageConfig storage(MapView m) {
    ByteRate bandwidth = m.optional("bandwidth", BANDWIDTH, null);
    ByteSize quota = m.optional("quota", SIZE, null);
    Duration tick = m.optional("tick", DURATION, null);
    return m.build(() -> new StorageConfig(bandwidth, quota, tick));
  }

  private static ProcessingConfig processing(MapView m) {
    CountCap workers = m.optional("workers", COUNT, null);
    Map<String, Duration> costPerMb = m.optional("costPerMb", ProfileReader::durationsByKey, null);
    QueueConfig queue = m.optional("queue", Convs.object(ProfileReader::queue), null);
    return m.build(() -> new ProcessingConfig(workers, costPerMb, queue));
  }

  private static ReviewConfig review(MapView m) {
    CountCap reviewers = m.optional("reviewers", COUNT, null);
    Duration perPhoto = m.optional("perPhoto", DURATION, null);
    Duration perVideoMinute = m.optional("perVideoMinute", DURATION, null);
    ByteSize videoBytesPerMinute = m.optional("videoBytesPerMinute", SIZE, null);
    Double errorRate = m.optional("errorRate", NUMBER, null);
    Long seed = m.optional("seed", Convs.longInteger(), null);
    QueueConfig queue = m.optional("queue", Convs.object(ProfileReader::queue), null);
    LowScoreConfig lowScore = m.optional("lowScore", Convs.object(ProfileReader::lowScore), null);
    return m.build(() -> new ReviewConfig(reviewers, perPhoto, perVideoMinute, videoBytesPerMinute, errorRate, seed,
        queue, lowScore));
  }

  private static LowScoreConfig lowScore(MapView m) {
    Integer below = m.optional("below", Convs.integer(ANY_NUMBER), null);
    Duration maxWait = m.optional("maxWait", DURATION, null);
    return m.build(() -> new LowScoreConfig(below, maxWait));
  }

  private static QueueConfig queue(MapView m) {
    String discipline = m.optional("discipline", Convs.text("a queue discipline"), null);
    CountCap bound = m.optional("bound", COUNT, null);
    return m.build(() -> new QueueConfig(discipline, bound));
  }

  private static HealthConfig health(MapView m) {
    Double heapAfterGc = m.optional("heapAfterGc", NUMBER, null);
    Double gcOverhead = m.optional("gcOverhead", NUMBER, null);
    Duration window = m.optional("window", DURATION, null);
    Duration eventLoopLag = m.optional("eventLoopLag", DURATION, null);
    Duration probeInterval = m.optional("probeInterval", DURATION, null);
    return m.build(() -> new HealthConfig(heapAfterGc, gcOverhead, window, eventLoopLag, probeInterval));
  }

  /** A mapping of durations by key, e.g. {@code costPerMb: {photo: 20ms}}; the record checks the keys. */
  private static Map<String, Duration> durationsByKey(YNode node, String path, Problems problems) {
    if (!(node instanceof YNode.Mapping map)) {
      Conv.fail(problems, node, path, "a mapping of media kind to duration, e.g. {photo: 20ms, video: 50ms}");
      return null;
    }
    Map<String, Duration> out = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, YNode> e : map.values().entrySet()) {
      Duration d = DURATION.read(e.getValue(), path + "." + e.getKey(), problems);
      ok &= d != null;
      out.put(e.getKey(), d);
    }
    return ok ? out : null;
  }

  /**
   * One entry of {@code defences}: a flat mapping of scalars, validated against the
   * {@link DefenceCatalogue} at once, so an error points at the offending setting (or at the
   * entry, for a missing one).
   */
  private static DefenceSpec defence(YNode node, String path, Problems problems) {
    if (!(node instanceof YNode.Mapping map)) {
      Conv.fail(problems, node, path, "a defence: a mapping with name, kind and its settings");
      return null;
    }
    String name = null;
    String kind = null;
    boolean enabled = true;
    Map<String, String> settings = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, YNode> e : map.values().entrySet()) {
      String field = e.getKey();
      if (!(e.getValue() instanceof YNode.Scalar s) || s.isNull()) {
        Conv.fail(problems, e.getValue(), path + "." + field, "a single value (text, number or true/false)");
        ok = false;
        continue;
      }
      switch (field) {
        case "name" -> name = s.text();
        case "kind" -> kind = s.text();
        case "enabled" -> {
          Boolean on = FLAG.read(s, path + "." + field, problems);
          ok &= on != null;
          enabled = on == null || on;
        }
        default -> settings.put(field, s.text());
      }
    }
    if (kind != null && DefenceCatalogue.kinds().contains(kind)) {
      for (String setting : settings.keySet()) {
        if (!DefenceCatalogue.settingsOf(kind).contains(setting)) {
          YNode.Key key = map.keys().get(setting);
          problems.add(key.line(), key.column(), path + "." + setting, setting, "unknown setting; the settings of kind '"
              + kind + "' are: " + String.join(", ", DefenceCatalogue.settingsOf(kind)));
          ok = false;
        }
      }
    }
    if (!ok) {
      return null;
    }
    DefenceSpec spec = new DefenceSpec(name, kind, enabled, settings);
    try {
      DefenceCatalogue.validate(spec);
    } catch (InvalidSettingException e) {
      YNode at = map.values().getOrDefault(e.field(), map);
      String about = name == null ? "" : " (defence '" + name + "'" + (kind == null ? "" : ", kind " + kind) + ")";
      problems.add(at.line(), at.column(), path + "." + e.field(), at instanceof YNode.Scalar s ? s.display() : null,
          e.problem() + about);
      return null;
    }
    return spec;
  }
}
