package dev.tipflood.server.config;

import static dev.tipflood.binding.InvalidFieldException.require;

import java.util.regex.Pattern;

/**
 * A validated, immutable server profile: the capacities and behaviour of one modelled service.
 * Loaded from YAML by {@link ProfileLoader}; each section is a record, so adding a section is
 * adding a component here (absent sections take their defaults).
 *
 * @param name short name, lower-case letters, digits and dashes
 * @param description one line for people
 * @param jvm JVM settings the launcher applies
 * @param limits request caps
 * @param uploads how bodies are received
 * @param ingress connection limits and timeouts
 * @param debug test-only knobs
 * @param storage write bandwidth and quota (absent: unlimited)
 * @param processing media processing workers (absent, with review: no pipeline is modelled)
 * @param review simulated reviewers (present exactly when processing is)
 * @param health thresholds of the readiness checks (absent: the defaults)
 * @param defences the defences, in the order they act at each point (absent: none); see
 *     {@link DefenceCatalogue}
 */
public record Profile(
    String name,
    String description,
    JvmConfig jvm,
    LimitsConfig limits,
    UploadsConfig uploads,
    IngressConfig ingress,
    DebugConfig debug,
    StorageConfig storage,
    ProcessingConfig processing,
    ReviewConfig review,
    HealthConfig health,
    java.util.List<DefenceSpec> defences) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+-]{0,62}");
  /** What a valid name looks like, for error messages. */
  public static final String NAME_EXPECTED = "1-63 lower-case letters, digits, '-' and '+'";

  /** Whether {@code name} is a valid profile name. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  public Profile {
    require(name != null, "name", "is required: lower-case letters, digits and '-'");
    require(NAME.matcher(name).matches(), "name",
        "'" + name + "' is not allowed: use 1-63 lower-case letters, digits, '-' and '+'");
    description = description == null ? "" : description;
    jvm = jvm == null ? JvmConfig.defaults() : jvm;
    limits = limits == null ? LimitsConfig.defaults() : limits;
    uploads = uploads == null ? UploadsConfig.defaults() : uploads;
    ingress = ingress == null ? IngressConfig.defaults() : ingress;
    debug = debug == null ? DebugConfig.defaults() : debug;
    storage = storage == null ? StorageConfig.defaults() : storage;
    health = health == null ? HealthConfig.defaults() : health;
    defences = defences == null ? java.util.List.of() : java.util.List.copyOf(defences);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (DefenceSpec d : defences) {
      require(seen.add(d.name()), "defences", "two defences are named '" + d.name() + "'; each needs its own name");
    }
    require((processing == null) == (review == null), processing == null ? "processing" : "review",
        "is required when '" + (processing == null ? "review" : "processing")
            + "' is given: the pipeline needs both stages");
  }

  /** Whether the processing and review pipeline is modelled. */
  public boolean hasPipeline() {
    return processing != null;
  }

  /**
   * Applies similarity scaling: every byte size that models media, bandwidth or quota is
   * multiplied by {@code factor}. Times, counts, the heap and protocol caps (headers, metadata)
   * are not scaled.
   */
  public Profile scaled(double factor) {
    if (!(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException("scale must be > 0 and <= 1, got " + factor);
    }
    return new Profile(name, description, jvm, limits.scaled(factor), uploads, ingress, debug,
        storage.scaled(factor), processing == null ? null : processing.scaled(factor),
        review == null ? null : review.scaled(factor), health,
        defences.stream().map(d -> DefenceCatalogue.scaled(d, factor)).toList());
  }
}
