package dev.tipflood.loadgen.plan;

import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.arrival.ArrivalSchedule;
import dev.tipflood.scenarios.arrival.PopulationSchedule;
import dev.tipflood.scenarios.corpus.CorpusFile;
import dev.tipflood.scenarios.corpus.CorpusManifest;
import dev.tipflood.scenarios.model.MediaType;
import dev.tipflood.scenarios.model.MediaTypeSpec;
import dev.tipflood.scenarios.model.Population;
import dev.tipflood.scenarios.model.RetryCondition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Resolves a scenario and its corpus into a {@link LoadPlan}: per-second arrival counts from the
 * scenario's deterministic arrival offsets, each tip's media drawn by the population's media mix,
 * identities, realism and client behaviour translated one to one.
 */
public final class ScenarioPlanner {
  /** How many distinct tip compositions are drawn per population; the feeder cycles through them. */
  static final int MAX_COMPOSITIONS = 20_000;

  private ScenarioPlanner() {
  }

  /**
   * @param scenario     the resolved scenario (duration, scale and seed overrides applied)
   * @param corpus       its generated corpus
   * @param baseUrl      the target's public base URL
   * @param clientDir    where the client writes its logs
   * @param graceSeconds time allowed after the schedule for in-flight requests and retries
   */
  public static LoadPlan plan(Scenario scenario, CorpusManifest corpus, String baseUrl, String clientDir,
                              int graceSeconds) {
    ArrivalSchedule schedule = ArrivalSchedule.of(scenario);
    int seconds = (int) Math.ceil(schedule.durationSeconds());
    List<PopulationPlan> pops = new ArrayList<>();
    for (int i = 0; i < scenario.populations().size(); i++) {
      Population p = scenario.populations().get(i);
      List<Long> offsets = offsetsMillis(schedule.population(p.name()), seconds);
      List<Integer> perSecond = perSecond(offsets, seconds);
      long planned = perSecond.stream().mapToLong(Integer::longValue).sum();
      pops.add(new PopulationPlan(p.name(), p.truth().id(), perSecond, offsets, identity(p), realism(p), client(p, scenario.scale()),
          tipMedia(scenario, i, planned, MediaCatalog.of(corpus))));
    }
    return new LoadPlan(scenario.name(), scenario.seed(), baseUrl, seconds, graceSeconds, clientDir, pops);
  }

  /** The scenario's arrival times, in milliseconds, kept inside the plan's last second. */
  static List<Long> offsetsMillis(PopulationSchedule schedule, int seconds) {
    long[] ms = schedule.arrivalOffsetsMillis();
    List<Long> out = new ArrayList<>(ms.length);
    for (long m : ms) {
      out.add(Math.min(seconds * 1000L - 1, m));
    }
    return out;
  }

  static List<Integer> perSecond(List<Long> offsetsMillis, int seconds) {
    int[] counts = new int[seconds];
    for (long ms : offsetsMillis) {
      counts[(int) (ms / 1000)]++;
    }
    List<Integer> out = new ArrayList<>(seconds);
    for (int c : counts) {
      out.add(c);
    }
    return out;
  }

  static IdentityPlan identity(Population p) {
    var id = p.identity();
    var kind = id.ipMapping().kind();
    int devicesPerIp = kind == dev.tipflood.scenarios.model.IpMapping.Kind.SHARED_NAT ? id.ipMapping().devicesPerAddress() : 1;
    return new IdentityPlan(id.devices(), id.rotationShare(), devicesPerIp,
        kind == dev.tipflood.scenarios.model.IpMapping.Kind.RANDOM);
  }

  static MetadataRealism realism(Population p) {
    var m = p.metadata();
    var b = m.jurisdiction();
    return new MetadataRealism(m.inJurisdiction(), m.realDescription(), m.plausibleTime(),
        new MetadataRealism.BoundingBox(b.minLat(), b.minLon(), b.maxLat(), b.maxLon()));
  }

  /** Client behaviour; the upload cap is scaled like every byte size. */
  static ClientBehaviour client(Population p, double scale) {
    var c = p.client();
    var r = c.retry();
    Set<Integer> statuses = new HashSet<>();
    boolean onTimeout = false;
    boolean onConnectionError = false;
    for (RetryCondition cond : r.on()) {
      switch (cond.kind()) {
        case STATUS -> statuses.add(cond.status());
        case STATUS_CLASS -> {
          for (int s = cond.status() * 100; s < cond.status() * 100 + 100; s++) {
            statuses.add(s);
          }
        }
        case TIMEOUT -> onTimeout = true;
        case CONNECTION_ERROR -> onConnectionError = true;
      }
    }
    Backoff backoff;
    if (r.backoff() instanceof dev.tipflood.scenarios.model.Backoff.Fixed f) {
      backoff = new Backoff(Backoff.Kind.FIXED, f.delay().toMillis(), f.delay().toMillis(), 0);
    } else if (r.backoff() instanceof dev.tipflood.scenarios.model.Backoff.Exponential e) {
      backoff = new Backoff(Backoff.Kind.EXPONENTIAL, e.base().toMillis(), e.max().toMillis(), e.jitter());
    } else {
      backoff = Backoff.NONE;
    }
    RetryPolicy policy = new RetryPolicy(r.max(), statuses, onTimeout, onConnectionError, backoff,
        r.honourRetryAfter());
    long upload = c.uploadBandwidth().map(b -> b.scaled(scale).bytesPerSecond()).orElse(0L);
    return new ClientBehaviour((int) Math.min(Integer.MAX_VALUE, c.timeout().toMillis()), policy, upload);
  }

  /**
   * The media of each of a population's tips, in the order the feeder sends them (tip {@code k}
   * gets entry {@code k mod size}): one entry per planned tip, up to {@link #MAX_COMPOSITIONS}.
   * Drawn from the scenario's seed, so the forecast and the run see the same tips.
   *
   * @param populationIndex the population's index in the scenario
   * @param plannedTips     tips in its arrival schedule
   */
  public static List<List<MediaFile>> tipMedia(Scenario scenario, int populationIndex, long plannedTips,
                                               MediaCatalog catalog) {
    SplittableRandom random = new SplittableRandom(scenario.seed() ^ (0x5EED_0000L + populationIndex));
    return compositions(scenario.populations().get(populationIndex), catalog,
        (int) Math.max(1, Math.min(plannedTips, MAX_COMPOSITIONS)), random);
  }

  /** Each tip: a media type drawn by weight, then {@code perTip} files of that type. */
  static List<List<MediaFile>> compositions(Population p, MediaCatalog catalog, int count, SplittableRandom random) {
    List<MediaTypeSpec> types = p.media().types().stream().filter(t -> t.weight() > 0).toList();
    double total = types.stream().mapToDouble(MediaTypeSpec::weight).sum();
    List<List<MediaFile>> tips = new ArrayList<>(count);
    java.util.Map<MediaType, List<MediaFile>> byType = new java.util.EnumMap<>(MediaType.class);
    for (int i = 0; i < count; i++) {
      double x = random.nextDouble() * total;
      MediaTypeSpec chosen = types.get(types.size() - 1);
      for (MediaTypeSpec t : types) {
        x -= t.weight();
        if (x < 0) {
          chosen = t;
          break;
        }
      }
      if (chosen.type() == MediaType.NONE) {
        tips.add(List.of());
        continue;
      }
      // One lookup per type, not per tip: a catalog filters (and may map) the whole corpus each call.
      List<MediaFile> files = byType.computeIfAbsent(chosen.type(), t -> catalog.files(p.name(), t));
      if (files.isEmpty()) {
        throw new IllegalStateException("the corpus has no " + chosen.type().id() + " files for population " + p.name());
      }
      int n = p.media().perTip().sample(random);
      List<MediaFile> media = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        media.add(files.get(random.nextInt(files.size())));
      }
      tips.add(media);
    }
    return tips;
  }
}
