package dev.tipflood.scenarios.corpus;

import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.corpus.render.DistinctScenes;
import dev.tipflood.scenarios.corpus.render.Scene;
import dev.tipflood.scenarios.corpus.render.View;
import dev.tipflood.scenarios.model.MediaMix;
import dev.tipflood.scenarios.model.MediaType;
import dev.tipflood.scenarios.model.MediaTypeSpec;
import dev.tipflood.scenarios.model.Population;
import dev.tipflood.scenarios.model.Seeds;
import dev.tipflood.scenarios.model.SourcePool;
import dev.tipflood.scenarios.model.Truth;
import dev.tipflood.scenarios.model.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Decides every file of a corpus from the scenario: how many of each type (largest remainder
 * of the weights, at least one per type), target sizes drawn from the scaled distributions,
 * witness clusters for legit populations, and pool sources and variants for junk ones. All
 * random choices come from streams derived from (seed, population, type, index).
 */
final class CorpusPlan {
    private static final long FILE = 1, SCENE = 2, CLUSTER = 3, SOURCE = 4;
    private static final float BASE_QUALITY = 0.85f;

    private CorpusPlan() {
    }

    static List<FileSpec> files(Scenario scenario) {
        DistinctScenes scenes = new DistinctScenes();
        List<FileSpec> out = new ArrayList<>();
        for (int pi = 0; pi < scenario.populations().size(); pi++) {
            Population p = scenario.populations().get(pi);
            List<MediaTypeSpec> types = p.media().fileTypes();
            int[] counts = allocate(p.media().files(), types);
            for (int ti = 0; ti < types.size(); ti++) {
                MediaTypeSpec type = types.get(ti);
                List<FileSpec> sources = p.truth() == Truth.JUNK
                        ? sources(scenario, pi, type, p.media().sourcePool().orElseThrow(), scenes) : List.of();
                int[] clusters = p.truth() == Truth.LEGIT
                        ? clusters(counts[ti], p.media().witnessClusterShare(), Seeds.random(scenario.seed(), CLUSTER, pi, ti))
                        : new int[counts[ti]];
                for (int k = 0; k < counts[ti]; k++) {
                    SplittableRandom r = Seeds.random(scenario.seed(), FILE, pi, type.type().ordinal(), k);
                    out.add(p.truth() == Truth.JUNK
                            ? junk(scenario, p, type, k, r, sources, p.media().sourcePool().orElseThrow())
                            : legit(scenario, pi, p, type, k, r, clusters[k], scenes));
                }
            }
        }
        return out;
    }

    /** Largest-remainder split of {@code n} files by weight, at least one per type when possible. */
    static int[] allocate(int n, List<MediaTypeSpec> types) {
        int[] counts = new int[types.size()];
        if (types.isEmpty()) {
            return counts;
        }
        double total = types.stream().mapToDouble(MediaTypeSpec::weight).sum();
        int assigned = 0;
        double[] remainder = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            double exact = n * types.get(i).weight() / total;
            counts[i] = (int) Math.floor(exact);
            remainder[i] = exact - counts[i];
            assigned += counts[i];
        }
        while (assigned < n) {
            int best = 0;
            for (int i = 1; i < counts.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            assigned++;
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                int donor = argMax(counts);
                if (counts[donor] > 1) {
                    counts[donor]--;
                    counts[i]++;
                }
            }
        }
        return counts;
    }

    private static int argMax(int[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Cluster number per file (1-based, 0 = not clustered): the first {@code share * n} files
     * are grouped in clusters of 2 to 4 (witnesses of the same incident).
     */
    static int[] clusters(int n, double share, SplittableRandom r) {
        int[] ids = new int[n];
        int clustered = (int) Math.round(share * n);
        int i = 0;
        int cluster = 0;
        while (clustered - i >= 2) {
            int size = Math.min(clustered - i, 2 + r.nextInt(3));
            if (clustered - i - size == 1) {
                size++;
            }
            cluster++;
            for (int j = 0; j < size; j++) {
                ids[i++] = cluster;
            }
        }
        return ids;
    }

    private static FileSpec legit(Scenario s, int pi, Population p, MediaTypeSpec type, int k, SplittableRandom r,
                                  int cluster, DistinctScenes scenes) {
        String format = format(type, r);
        long target = target(s, type, r);
        long duration = duration(type, r);
        String id = p.name() + "-" + type.type().id() + "-" + k;
        if (cluster == 0) {
            return new FileSpec(path(p, type, k, Transform.ORIGINAL, format), p.name(), p.truth(), type.type(), format,
                    target, duration, scenes.pick(Seeds.derive(s.seed(), SCENE, pi, type.type().ordinal(), k)), View.IDENTITY,
                    Optional.empty(), BASE_QUALITY, 1, Transform.ORIGINAL, id, id, Optional.empty(), r.nextLong());
        }
        // A step to the side, a little zoom, another phone's exposure: same incident, other witness.
        View view = new View((r.nextDouble() - 0.5) * 0.05, (r.nextDouble() - 0.5) * 0.05, 1 + 0.05 * r.nextDouble(),
                0.9 + 0.2 * r.nextDouble());
        String clusterId = p.name() + "-" + type.type().id() + "-c" + cluster;
        return new FileSpec(path(p, type, k, Transform.WITNESS, format), p.name(), p.truth(), type.type(), format, target,
                duration, clusterScene(s, pi, type, cluster, scenes), view, Optional.empty(),
                BASE_QUALITY, 1, Transform.WITNESS, id, clusterId, Optional.empty(), r.nextLong());
    }

    /** Members of a cluster share a scene; the first member to ask picks it. */
    private static long clusterScene(Scenario s, int pi, MediaTypeSpec type, int cluster, DistinctScenes scenes) {
        return scenes.pickOnce(Seeds.derive(s.seed(), CLUSTER, pi, type.type().ordinal(), cluster));
    }

    private static List<FileSpec> sources(Scenario s, int pi, MediaTypeSpec type, SourcePool pool,
                                          DistinctScenes scenes) {
        Population p = s.populations().get(pi);
        List<FileSpec> sources = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            SplittableRandom r = Seeds.random(s.seed(), SOURCE, pi, type.type().ordinal(), i);
            String format = format(type, r);
            String id = p.name() + "-" + type.type().id() + "-s" + i;
            sources.add(new FileSpec("", p.name(), p.truth(), type.type(), format, target(s, type, r), duration(type, r),
                    scenes.pick(Seeds.derive(s.seed(), SCENE, SOURCE, pi, type.type().ordinal(), i)), View.IDENTITY,
                    Optional.empty(),
                    BASE_QUALITY, 1, Transform.EXACT, id, id, Optional.empty(), r.nextLong()));
        }
        return sources;
    }

    private static FileSpec junk(Scenario s, Population p, MediaTypeSpec type, int k, SplittableRandom r,
                                 List<FileSpec> sources, SourcePool pool) {
        FileSpec src = sources.get(r.nextInt(sources.size()));
        Variant variant = pick(pool.variants(), r);
        Transform t = Transform.of(variant);
        String path = path(p, type, k, t, src.format());
        if (variant == Variant.EXACT) {
            return new FileSpec(path, src.population(), src.truth(), src.type(), src.format(), src.targetBytes(),
                    src.durationMs(), src.sceneSeed(), src.view(), Optional.empty(), src.quality(), 1, t, src.sourceId(),
                    src.clusterId(), Optional.of(src), r.nextLong());
        }
        long target = target(s, type, r);
        float quality = variant == Variant.REENCODE ? (float) (0.45 + 0.3 * r.nextDouble()) : BASE_QUALITY;
        double shrink = variant == Variant.RESIZE ? 0.5 + 0.4 * r.nextDouble() : 1;
        View view = variant == Variant.CROP ? View.IDENTITY.cropped(0.02 + 0.04 * r.nextDouble()) : View.IDENTITY;
        Optional<String> caption = variant == Variant.CAPTION
                ? Optional.of(Scene.CAPTIONS.get(r.nextInt(
                        Scene.CAPTIONS.size())))
                : Optional.empty();
        return new FileSpec(path, src.population(), src.truth(), src.type(), src.format(), target, src.durationMs(),
                src.sceneSeed(), view, caption, quality, shrink, t, src.sourceId(), src.clusterId(), Optional.empty(),
                r.nextLong());
    }

    private static Variant pick(Map<Variant, Double> weights, SplittableRandom r) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double x = r.nextDouble() * total;
        Variant last = null;
        for (Map.Entry<Variant, Double> e : weights.entrySet()) {
            if (e.getValue() > 0) {
                last = e.getKey();
                x -= e.getValue();
                if (x < 0) {
                    return last;
                }
            }
        }
        return last;
    }

    private static String format(MediaTypeSpec type, SplittableRandom r) {
        return switch (type.type()) {
            case PHOTO -> r.nextDouble() < type.pngShare() ? "png" : "jpeg";
            case GIF -> "gif";
            case VIDEO -> "avi";
            case NONE -> throw new IllegalArgumentException("no files for media type none");
        };
    }

    private static long target(Scenario s, MediaTypeSpec type, SplittableRandom r) {
        return s.scaleBytes(Math.round(type.size().orElseThrow().sample(r)));
    }

    private static long duration(MediaTypeSpec type, SplittableRandom r) {
        return type.type() == MediaType.VIDEO ? Math.max(1000, Math.round(type.duration().orElseThrow().sample(r))) : 0;
    }

    private static String path(Population p, MediaTypeSpec type, int k, Transform t, String format) {
        String ext = switch (format) {
            case "jpeg" -> "jpg";
            default -> format;
        };
        return String.format("%s/%s/%05d-%s.%s", p.name(), type.type().id(), k, t.id(), ext);
    }

    /** Mean target bytes of a mix, to size corpora in benchmarks. */
    static double meanBytes(MediaMix mix) {
        double total = mix.fileTypes().stream().mapToDouble(MediaTypeSpec::weight).sum();
        return mix.fileTypes().stream().mapToDouble(t -> t.weight() / total * t.size().orElseThrow().mean()).sum();
    }
}
