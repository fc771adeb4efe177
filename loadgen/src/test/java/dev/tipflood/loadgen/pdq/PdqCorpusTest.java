package dev.tipflood.loadgen.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.corpus.CorpusFile;
import dev.tipflood.scenarios.corpus.CorpusManifest;
import dev.tipflood.scenarios.corpus.MediaCorpus;
import dev.tipflood.scenarios.corpus.Transform;
import dev.tipflood.scenarios.model.Truth;
import dev.tipflood.server.media.pdq.PdqBlocklist;
import dev.tipflood.server.media.pdq.PdqHasher;
import dev.tipflood.server.media.pdq.PdqImages;
import dev.tipflood.server.media.pdq.PdqIndex;
import dev.tipflood.server.media.pdq.PdqMatching;
import dev.tipflood.server.media.pdq.PdqResult;
import dev.tipflood.server.media.pdq.PdqViews;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's PDQ against the project's own synthetic corpus (the scenarios module renders it):
 * junk variants of a pool source (re-encode, resize, crop, caption) against the blocklisted
 * source, and 1,000 legit photos of distinct scenes that must not match each other or the junk.
 * Lives here because loadgen's tests see both the scenarios and the server classes.
 *
 * <p>Whole-picture PDQ is built for re-encodes and resizes, and catches them; it misses crops and
 * captions (a crop of a few percent moves the hash by 40+ bits). With {@link PdqViews} (zoomed and
 * top-half views) the blocklist catches most of those too, but not 95% of them: the figures are
 * printed, and asserted at what the code achieves, so a regression fails.
 */
class PdqCorpusTest {
  private static final String SCENARIO = """
      name: pdq-corpus
      description: 1,000 legit photos of distinct scenes (10% in witness clusters) and junk photo variants of 25 sources.
      seed: 1313
      duration: 1m
      scale: 1
      target: embedded
      profile: naive
      populations:
        - name: citizens
          truth: legit
          arrival: {kind: poisson, rate: 1}
          identity: {devices: 1000, rotationShare: 0, ipMapping: "shared-nat:4"}
          media:
            files: 1000
            perTip: 1
            witnessClusterShare: 0.1
            types:
              photo: {weight: 1, size: {kind: lognormal, median: 30KB, sigma: 0.4, max: 150KB}, pngShare: 0.05}
          metadata: {inJurisdiction: 1, realDescription: 1, plausibleTime: 1}
          client:
            timeout: 30s
            retry: {on: [503], max: 1, backoff: none, honourRetryAfter: false}
        - name: fans
          truth: junk
          arrival: {kind: poisson, rate: 1}
          identity: {devices: 1000, rotationShare: 0, ipMapping: "shared-nat:4"}
          media:
            files: 500
            perTip: 1
            types:
              photo: {weight: 1, size: {kind: lognormal, median: 30KB, sigma: 0.4, max: 150KB}, pngShare: 0.1}
            sourcePool:
              size: 25
              variants: {exact: 0.2, reencode: 0.2, resize: 0.2, crop: 0.2, caption: 0.2}
          metadata: {inJurisdiction: 0, realDescription: 0, plausibleTime: 0}
          client:
            timeout: 30s
            retry: {on: [503], max: 1, backoff: none, honourRetryAfter: false}
      """;

  @TempDir
  static Path cache;
  static CorpusManifest corpus;
  static final Map<CorpusFile, PdqResult> HASHES = new LinkedHashMap<>();
  static final Map<CorpusFile, PdqViews.Query> QUERIES = new HashMap<>();

  @BeforeAll
  static void generateAndHash() {
    long start = System.nanoTime();
    corpus = MediaCorpus.generate(Scenarios.parse(SCENARIO, "pdq-corpus"), cache);
    long generated = System.nanoTime();
    PdqHasher pdq = new PdqHasher();
    corpus.files().parallelStream().map(f -> Map.entry(f, PdqViews.query(pdq, PdqImages.decode(corpus.resolve(f)))))
        .toList().forEach(e -> {
          HASHES.put(e.getKey(), e.getValue().whole());
          QUERIES.put(e.getKey(), e.getValue());
        });
    System.out.printf("pdq corpus: %d files generated in %.1f s, hashed in %.1f s%n", corpus.files().size(),
        (generated - start) / 1e9, (System.nanoTime() - generated) / 1e9);
  }

  /**
   * Blocklist = the pool sources' whole-picture hashes (their exact re-uploads are the source's
   * bytes). Re-encodes and resizes must match; crops and captions are printed.
   */
  @Test
  void reencodesAndResizesMatchTheirBlocklistedSourceWhole() {
    PdqIndex blocklist = new PdqIndex();
    Map<String, Long> sourceIds = new HashMap<>();
    for (CorpusFile f : files(Truth.JUNK)) {
      if (f.transform() == Transform.EXACT && HASHES.get(f).usable()) {
        blocklist.add(HASHES.get(f).hash(), sourceIds.computeIfAbsent(f.sourceId(), s -> (long) sourceIds.size()));
      }
    }
    Map<Transform, int[]> byTransform = new EnumMap<>(Transform.class);
    int found = 0;
    int variants = 0;
    int maxDistance = 0;
    for (CorpusFile f : files(Truth.JUNK)) {
      if (f.transform() == Transform.EXACT || !sourceIds.containsKey(f.sourceId())) {
        continue;
      }
      PdqResult r = HASHES.get(f);
      long source = sourceIds.get(f.sourceId());
      List<PdqIndex.Match> hits = r.usable() ? blocklist.query(r.hash(), PdqMatching.MAX_DISTANCE) : List.of();
      boolean hit = hits.stream().anyMatch(m -> m.id() == source);
      assertThat(hits).as("%s matches another source's hash", f.path()).allMatch(m -> m.id() == source);
      int[] counts = byTransform.computeIfAbsent(f.transform(), t -> new int[2]);
      counts[0] += hit ? 1 : 0;
      counts[1]++;
      found += hit ? 1 : 0;
      variants++;
      if (hit) {
        maxDistance = Math.max(maxDistance, hits.get(0).distance());
      }
    }
    byTransform.forEach((t, c) -> System.out.printf("pdq corpus: %-8s %3d/%3d variants match their source (%.1f%%)%n",
        t.id(), c[0], c[1], 100.0 * c[0] / c[1]));
    double recall = (double) found / variants;
    System.out.printf("pdq corpus: whole-picture recall %.1f%% (%d/%d variants of %d blocklisted sources; max matched "
        + "distance %d)%n", 100 * recall, found, variants, sourceIds.size(), maxDistance);
    assertThat(variants).isGreaterThan(300);
    assertThat(byTransform.keySet()).contains(Transform.REENCODE, Transform.RESIZE, Transform.CROP, Transform.CAPTION);
    for (Transform t : List.of(Transform.REENCODE, Transform.RESIZE)) {
      int[] c = byTransform.get(t);
      assertThat((double) c[0] / c[1]).as("whole-picture recall of %s variants", t.id()).isGreaterThanOrEqualTo(0.95);
    }
  }

  /** Sources listed as reviewer verdicts with their views: every variant kind, crops and captions included. */
  @Test
  void variantsMatchASourceListedWithItsViews() {
    PdqHasher pdq = new PdqHasher();
    PdqBlocklist blocklist = new PdqBlocklist();
    Map<String, Long> sourceIds = new HashMap<>();
    for (CorpusFile f : files(Truth.JUNK)) {
      if (f.transform() == Transform.EXACT && !sourceIds.containsKey(f.sourceId())) {
        long id = sourceIds.size();
        sourceIds.put(f.sourceId(), id);
        blocklist.addVerdict(pdq, decode(f), id);
      }
    }
    Map<Transform, int[]> byTransform = new EnumMap<>(Transform.class);
    for (CorpusFile f : files(Truth.JUNK)) {
      if (f.transform() != Transform.EXACT && sourceIds.containsKey(f.sourceId())) {
        boolean hit = blocklist.match(QUERIES.get(f)).map(m -> m.id() == sourceIds.get(f.sourceId())).orElse(false);
        int[] c = byTransform.computeIfAbsent(f.transform(), t -> new int[2]);
        c[0] += hit ? 1 : 0;
        c[1]++;
      }
    }
    byTransform.forEach((t, c) -> System.out.printf("pdq corpus: with views: %-8s %3d/%3d (%.1f%%)%n", t.id(), c[0], c[1],
        100.0 * c[0] / c[1]));
    double recall = recall(byTransform, c -> c[0], c -> c[1]);
    System.out.printf("pdq corpus: with views: recall %.1f%% over %d listed hashes%n", 100 * recall, blocklist.size());
    // The issue asks for 95% over all junk variants. Crops and captions stay below it on their own
    // (docs/server.md explains why); the floors per kind sit a little under what this deterministic
    // corpus gives, so a regression in any kind fails.
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
    assertThat(share(byTransform, Transform.REENCODE)).isGreaterThanOrEqualTo(0.97);
    assertThat(share(byTransform, Transform.RESIZE)).isGreaterThanOrEqualTo(0.97);
    assertThat(share(byTransform, Transform.CROP)).isGreaterThanOrEqualTo(0.90);
    assertThat(share(byTransform, Transform.CAPTION)).isGreaterThanOrEqualTo(0.87);
  }

  private static double share(Map<Transform, int[]> byTransform, Transform t) {
    int[] c = byTransform.get(t);
    return (double) c[0] / c[1];
  }

  /**
   * Blocklist fed by reviewers only: in arrival order, a junk file the list misses goes to a
   * reviewer, whose verdict adds its hash. Every later variant of a source already seen must match.
   */
  @Test
  void reviewerFedBlocklistCatchesLaterVariants() {
    PdqHasher pdq = new PdqHasher();
    PdqBlocklist blocklist = new PdqBlocklist();
    Map<String, Integer> seen = new HashMap<>();
    int caught = 0;
    int later = 0;
    int verdicts = 0;
    for (CorpusFile f : files(Truth.JUNK)) {
      boolean hit = blocklist.match(QUERIES.get(f)).isPresent();
      if (seen.merge(f.sourceId(), 1, Integer::sum) > 1) {
        later++;
        caught += hit ? 1 : 0;
      }
      if (!hit) {
        blocklist.addVerdict(pdq, decode(f), verdicts++);
      }
    }
    double recall = (double) caught / later;
    System.out.printf("pdq corpus: reviewer-fed blocklist with views caught %d/%d later junk files (%.1f%%) after %d "
        + "verdicts (%d hashes)%n", caught, later, 100 * recall, verdicts, blocklist.size());
    assertThat(recall).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void distinctLegitScenesNeverMatchEachOtherNorTheJunk() {
    List<CorpusFile> legit = files(Truth.LEGIT);
    assertThat(legit).hasSize(1000);
    PdqIndex index = new PdqIndex();
    for (int i = 0; i < legit.size(); i++) {
      index.add(HASHES.get(legit.get(i)).hash(), i);
    }
    int falseMatches = 0;
    int witnessPairs = 0;
    int witnessMatches = 0;
    int lowQuality = 0;
    int closest = 256;
    for (int i = 0; i < legit.size(); i++) {
      CorpusFile a = legit.get(i);
      lowQuality += HASHES.get(a).usable() ? 0 : 1;
      for (PdqIndex.Match m : index.query(HASHES.get(a).hash(), PdqIndex.MAX_QUERY_DISTANCE)) {
        CorpusFile b = legit.get((int) m.id());
        if (m.id() <= i) {
          continue;
        }
        if (a.clusterId().equals(b.clusterId())) {
          witnessMatches += m.distance() <= PdqMatching.MAX_DISTANCE ? 1 : 0;
        } else {
          closest = Math.min(closest, m.distance());
          if (m.distance() <= PdqMatching.MAX_DISTANCE && HASHES.get(a).usable() && HASHES.get(b).usable()) {
            falseMatches++;
            System.out.printf("pdq corpus: false match %s ~ %s at %d%n", a.path(), b.path(), m.distance());
          }
        }
      }
      for (int j = i + 1; j < legit.size(); j++) {
        witnessPairs += a.clusterId().equals(legit.get(j).clusterId()) ? 1 : 0;
      }
    }
    // Every junk file listed with its views: no legit photo may match any of them.
    PdqHasher pdq = new PdqHasher();
    PdqBlocklist junk = new PdqBlocklist();
    files(Truth.JUNK).parallelStream().forEach(f -> junk.addVerdict(pdq, decode(f), 0));
    int legitOnJunk = 0;
    for (CorpusFile f : legit) {
      legitOnJunk += junk.match(QUERIES.get(f)).isPresent() ? 1 : 0;
    }
    // Every legit photo listed with its views as if a reviewer had erred: no other scene may match any of them.
    PdqBlocklist asJunk = new PdqBlocklist();
    IntStream.range(0, legit.size()).parallel().forEach(i -> asJunk.addVerdict(pdq, decode(legit.get(i)), i));
    int viewFalseMatches = 0;
    for (CorpusFile a : legit) {
      for (PdqIndex.Match m : asJunk.matches(QUERIES.get(a))) {
        if (!a.clusterId().equals(legit.get((int) m.id()).clusterId())) {
          viewFalseMatches++;
          System.out.printf("pdq corpus: false match with views %s ~ %s at %d%n", a.path(), legit.get((int) m.id()).path(),
              m.distance());
        }
      }
    }
    System.out.printf("pdq corpus: %d legit photos, %d distinct-scene false matches (closest distinct pair %s), "
            + "%d with views (%d listed hashes), %d legit matching a junk hash (views included), %d below quality 50; "
            + "witnesses: %d/%d same-incident pairs within 31%n",
        legit.size(), falseMatches, closest == 256 ? "> 63" : Integer.toString(closest), viewFalseMatches, asJunk.size(),
        legitOnJunk, lowQuality, witnessMatches, witnessPairs);
    assertThat(falseMatches).isZero();
    assertThat(viewFalseMatches).isZero();
    assertThat(legitOnJunk).isZero();
  }

  private static double recall(Map<Transform, int[]> counts, ToIntFunction<int[]> hits, ToIntFunction<int[]> all) {
    return (double) counts.values().stream().mapToInt(hits).sum() / counts.values().stream().mapToInt(all).sum();
  }

  private static BufferedImage decode(CorpusFile f) {
    return PdqImages.decode(corpus.resolve(f));
  }

  private static List<CorpusFile> files(Truth truth) {
    return corpus.files().stream().filter(f -> f.truth() == truth).toList();
  }
}
