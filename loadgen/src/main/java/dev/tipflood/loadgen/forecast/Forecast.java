package dev.tipflood.loadgen.forecast;

import java.util.List;
import java.util.Optional;

/**
 * The offered-load forecast of one scenario on one profile: for each phase, what each population
 * offers to each modelled resource, against what the profile can take. First attempts only:
 * retries come on top, and only when something already failed.
 *
 * @param scenario   the scenario's name
 * @param scale      its similarity scale
 * @param capacity   what the profile can take
 * @param phases     the phases, in time order
 * @param whole      the whole schedule as one phase
 */
public record Forecast(String scenario, double scale, ProfileCapacity capacity, List<PhaseLoad> phases,
                       PhaseLoad whole) {

  /** The resources the forecast covers. */
  public enum Resource {
    STORAGE("storage bandwidth", "MB/s"),
    PROCESSING("processing workers", "workers"),
    REVIEW("reviewers", "reviewers"),
    HEAP("heap (buffered uploads)", "MB");

    private final String title;
    private final String unit;

    Resource(String title, String unit) {
      this.title = title;
      this.unit = unit;
    }

    public String title() {
      return title;
    }

    public String unit() {
      return unit;
    }

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One population's offer in a phase.
   *
   * @param tipsPerSecond       scheduled tips per second in the phase
   * @param bytesPerSecond      media bytes per second
   * @param workerSeconds       processing seconds per second (busy workers)
   * @param reviewerSeconds     review seconds per second (busy reviewers)
   */
  public record PopulationLoad(String population, String truth, double tipsPerSecond, double bytesPerSecond,
                               double workerSeconds, double reviewerSeconds) {}

  /**
   * One resource in a phase: what is offered, what the profile can take, and their ratio.
   *
   * @param offered     in the resource's unit (bytes/s; busy workers; busy reviewers; bytes held)
   * @param capacity    the same unit; 0 when the profile does not limit it
   * @param utilisation offered / capacity; {@code Double.POSITIVE_INFINITY} when it grows without bound;
   *                    0 when unlimited
   */
  public record ResourceLoad(Resource resource, double offered, double capacity, double utilisation) {
    public boolean limited() {
      return capacity > 0;
    }
  }

  /** A phase: its window, its populations and its resources. */
  public record PhaseLoad(String label, double fromSeconds, double toSeconds, List<PopulationLoad> populations,
                          List<ResourceLoad> resources) {
    public PhaseLoad {
      populations = List.copyOf(populations);
      resources = List.copyOf(resources);
    }

    /** The most utilised limited resource. */
    public Optional<ResourceLoad> bottleneck() {
      return resources.stream().filter(ResourceLoad::limited)
          .max(java.util.Comparator.comparingDouble(ResourceLoad::utilisation));
    }

    public Optional<ResourceLoad> resource(Resource r) {
      return resources.stream().filter(x -> x.resource() == r).findFirst();
    }
  }

  public Forecast {
    phases = List.copyOf(phases);
  }

  /** The highest utilisation of any resource in any phase. */
  public double peakUtilisation() {
    return phases.stream().flatMap(p -> p.resources().stream()).mapToDouble(ResourceLoad::utilisation)
        .max().orElse(0);
  }
}
