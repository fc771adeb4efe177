package dev.tipflood.loadgen.forecast;

import dev.tipflood.loadgen.forecast.Forecast.PhaseLoad;
import dev.tipflood.loadgen.forecast.Forecast.PopulationLoad;
import dev.tipflood.loadgen.forecast.Forecast.Resource;
import dev.tipflood.loadgen.forecast.Forecast.ResourceLoad;
import dev.tipflood.loadgen.forecast.Phases.Phase;
import dev.tipflood.loadgen.plan.MediaCatalog;
import dev.tipflood.loadgen.plan.MediaFile;
import dev.tipflood.loadgen.plan.ScenarioPlanner;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.arrival.ArrivalSchedule;
import dev.tipflood.scenarios.corpus.MediaCorpus;
import dev.tipflood.scenarios.model.Population;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the offered-load forecast of a scenario on a profile, sending no traffic and making no
 * file: the arrival schedule and the tips' media come from the scenario's seed exactly as the run
 * will draw them (the same {@link ScenarioPlanner#tipMedia}), over the corpus as planned.
 *
 * <p>Utilisation is offered work over capacity: storage bytes/s over the bandwidth, busy workers
 * over workers, busy reviewers over reviewers. Where the profile buffers uploads in the heap, the
 * heap held is estimated with processor sharing at the storage bandwidth: each tip of {@code X}
 * bytes holds them for {@code X / (B (1 - rho))}, so the heap held is
 * {@code sum(X^2) / (T B (1 - rho))}, and unbounded once {@code rho >= 1}.
 */
public final class Forecaster {

  private Forecaster() {
  }

  public static Forecast forecast(Scenario scenario, ProfileCapacity capacity) {
    ArrivalSchedule schedule = ArrivalSchedule.of(scenario);
    MediaCatalog catalog = MediaCatalog.planned(MediaCorpus.plannedFiles(scenario));
    List<Arrivals> populations = new ArrayList<>();
    for (int i = 0; i < scenario.populations().size(); i++) {
      Population p = scenario.populations().get(i);
      long[] offsets = schedule.population(p.name()).arrivalOffsetsMillis();
      List<List<MediaFile>> tips = ScenarioPlanner.tipMedia(scenario, i, offsets.length, catalog);
      List<TipCost> costs = tips.stream().map(t -> TipCost.of(t, capacity)).toList();
      populations.add(new Arrivals(p, offsets, costs));
    }
    List<PhaseLoad> phases = new ArrayList<>();
    for (Phase phase : Phases.of(scenario)) {
      phases.add(load(phase.label(), phase, populations, capacity));
    }
    Phase all = new Phase(0, schedule.durationSeconds());
    return new Forecast(scenario.name(), scenario.scale(), capacity, phases, load("whole run", all, populations, capacity));
  }

  /** A population's scheduled arrivals and the cost of the tip each sends (tip k: cost k mod size). */
  private record Arrivals(Population population, long[] offsetsMillis, List<TipCost> costs) {}

  private static PhaseLoad load(String label, Phase phase, List<Arrivals> populations, ProfileCapacity capacity) {
    double seconds = Math.max(1e-9, phase.seconds());
    List<PopulationLoad> offered = new ArrayList<>();
    double bytes = 0;
    double squared = 0;
    double workers = 0;
    double reviewers = 0;
    for (Arrivals a : populations) {
      long tips = 0;
      double popBytes = 0;
      double popWork = 0;
      double popReview = 0;
      for (int k = 0; k < a.offsetsMillis().length; k++) {
        double t = a.offsetsMillis()[k] / 1000.0;
        if (t < phase.from() || t >= phase.to()) {
          continue;
        }
        TipCost c = a.costs().get(k % a.costs().size());
        tips++;
        popBytes += c.bytes();
        squared += c.bytes() * c.bytes();
        popWork += c.processingSeconds();
        popReview += c.reviewSeconds();
      }
      offered.add(new PopulationLoad(a.population().name(), a.population().truth().id(), tips / seconds,
          popBytes / seconds, popWork / seconds, popReview / seconds));
      bytes += popBytes;
      workers += popWork;
      reviewers += popReview;
    }
    List<ResourceLoad> resources = new ArrayList<>();
    double bandwidth = capacity.storageBytesPerSecond();
    ResourceLoad storage = resource(Resource.STORAGE, bytes / seconds, bandwidth);
    resources.add(storage);
    if (capacity.hasPipeline()) {
      resources.add(resource(Resource.PROCESSING, workers / seconds, capacity.workers()));
      resources.add(resource(Resource.REVIEW, reviewers / seconds, capacity.reviewers()));
    }
    if (capacity.uploadsBuffered()) {
      double held = bandwidth <= 0 ? 0
          : storage.utilisation() >= 1 ? Double.POSITIVE_INFINITY
          : squared / seconds / (bandwidth * (1 - storage.utilisation()));
      resources.add(resource(Resource.HEAP, held, capacity.heapBytes()));
    }
    return new PhaseLoad(label, phase.from(), phase.to(), offered, resources);
  }

  private static ResourceLoad resource(Resource r, double offered, double capacity) {
    double utilisation = capacity <= 0 ? 0 : offered / capacity;
    return new ResourceLoad(r, offered, capacity, utilisation);
  }
}
