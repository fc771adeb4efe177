package dev.tipflood.scenarios.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.Distribution;
import dev.tipflood.scenarios.model.MediaType;
import dev.tipflood.scenarios.model.Truth;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the files show: distinct scenes, near-duplicate witnesses, junk variants of pool sources. */
class CorpusContentTest {
    @TempDir
    static Path cache;
    static CorpusManifest corpus;

    @BeforeAll
    static void generate() {
        corpus = MediaCorpus.generate(Scenarios.builtin("fancam-flood"), cache);
    }

    static BufferedImage firstFrame(CorpusFile f) {
        try {
            byte[] bytes = Files.readAllBytes(corpus.resolve(f));
            byte[] image = f.mediaType() == MediaType.VIDEO ? AviFrames.frames(bytes).get(0) : bytes;
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new AssertionError(f.path(), e);
        }
    }

    @Test
    void everyFileDecodes() throws IOException {
        Decoding.assertEveryFileDecodes(corpus, false);
    }

    @Test
    void generatingTwiceGivesAByteIdenticalManifest(@TempDir Path other) throws IOException {
        CorpusManifest again = MediaCorpus.generate(Scenarios.builtin("fancam-flood"), other);
        assertThat(again.directory()).isNotEqualTo(corpus.directory());
        assertThat(Files.readAllBytes(again.directory().resolve("manifest.json")))
                .isEqualTo(Files.readAllBytes(corpus.directory().resolve("manifest.json")));
    }

    @Test
    void distinctScenesAreFarApartUnderAPerceptualHash() {
        // One file per scene: legit originals, one witness per cluster, one variant per junk source.
        Map<String, CorpusFile> scenes = new LinkedHashMap<>();
        for (CorpusFile f : corpus.files()) {
            if (f.transform() == Transform.ORIGINAL || f.transform() == Transform.WITNESS
                    || f.transform() == Transform.EXACT) {
                scenes.putIfAbsent(f.clusterId(), f);
            }
        }
        List<Long> hashes = scenes.values().stream().map(f -> AverageHash.of(firstFrame(f))).toList();
        int min = 64;
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < hashes.size(); i++) {
            for (int j = i + 1; j < hashes.size(); j++) {
                int d = AverageHash.distance(hashes.get(i), hashes.get(j));
                min = Math.min(min, d);
                sum += d;
                pairs++;
            }
        }
        System.out.printf("scenes=%d pairs=%d min=%d mean=%.1f%n", hashes.size(), pairs, min, sum / pairs);
        assertThat(hashes.size()).isGreaterThan(50);
        assertThat(min).as("smallest average-hash distance between two distinct scenes").isGreaterThanOrEqualTo(10);
    }

    @Test
    void witnessesOfOneIncidentAreNearDuplicates() {
        Map<String, List<CorpusFile>> clusters = corpus.files().stream().filter(f -> f.transform() == Transform.WITNESS)
                .collect(Collectors.groupingBy(CorpusFile::clusterId, LinkedHashMap::new, Collectors.toList()));
        assertThat(clusters).isNotEmpty();
        List<Integer> distances = new ArrayList<>();
        for (List<CorpusFile> members : clusters.values()) {
            assertThat(members).hasSizeBetween(2, 5);
            long first = AverageHash.of(firstFrame(members.get(0)));
            for (CorpusFile m : members.subList(1, members.size())) {
                distances.add(AverageHash.distance(first, AverageHash.of(firstFrame(m))));
            }
            assertThat(members.stream().map(CorpusFile::sha256).distinct()).hasSameSizeAs(members);
        }
        System.out.println("witness distances " + distances);
        assertThat(distances.stream().mapToInt(Integer::intValue).average().orElseThrow()).isLessThan(10);
    }

    @Test
    void junkVariantsDeriveFromASmallSharedPool() {
        List<CorpusFile> junk = corpus.files().stream().filter(f -> f.truth() == Truth.JUNK).toList();
        Map<String, List<CorpusFile>> bySource = junk.stream().collect(Collectors.groupingBy(CorpusFile::sourceId));
        assertThat(bySource.size()).isLessThanOrEqualTo(3 * 25);
        assertThat(junk.stream().map(CorpusFile::transform).distinct())
                .containsExactlyInAnyOrder(Transform.EXACT, Transform.REENCODE, Transform.RESIZE, Transform.CROP,
                        Transform.CAPTION);
        for (List<CorpusFile> variants : bySource.values()) {
            List<String> exactHashes = variants.stream().filter(f -> f.transform() == Transform.EXACT)
                    .map(CorpusFile::sha256).distinct().toList();
            assertThat(exactHashes).as("exact re-uploads of one source share one SHA-256").hasSizeLessThanOrEqualTo(1);
            variants.stream().filter(f -> f.transform() != Transform.EXACT)
                    .forEach(v -> assertThat(v.sha256()).isNotIn(exactHashes));
        }
    }

    @ParameterizedTest
    @CsvSource({"citizens, PHOTO", "citizens, VIDEO", "fans, VIDEO", "fans, GIF", "fans, PHOTO"})
    void sizesFollowTheScaledDistribution(String population, MediaType type) {
        Scenario s = Scenarios.builtin("fancam-flood");
        Distribution.LogNormal d = (Distribution.LogNormal) s.population(population).orElseThrow().media().type(type)
                .orElseThrow().size().orElseThrow();
        // Exact re-uploads repeat their source's size, so they are not independent draws.
        double[] sizes = corpus.files(population, type).stream().filter(f -> f.transform() != Transform.EXACT)
                .mapToDouble(CorpusFile::size).toArray();
        // fancam-flood's citizens have 18 videos (10% of a 65% file-bearing mix of 120 files).
        assertThat(sizes.length).isGreaterThanOrEqualTo(15);
        var declared = new LogNormalDistribution(Math.log(d.median() * s.scale()), d.sigma());
        assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(declared, sizes)).as("KS p-value").isGreaterThan(0.01);
        double medianRatio = new Median().evaluate(sizes) / (d.median() * s.scale());
        assertThat(medianRatio).as("sample median / declared median").isBetween(0.75, 1.33);
    }

    @Test
    void manifestSaysWhatEachFileIs() {
        for (CorpusFile f : corpus.files()) {
            assertThat(f.path()).startsWith(f.population() + "/" + f.mediaType().id() + "/");
            assertThat(f.contentType()).isEqualTo(switch (f.path().substring(f.path().lastIndexOf('.') + 1)) {
                case "jpg" -> "image/jpeg";
                case "png" -> "image/png";
                case "gif" -> "image/gif";
                default -> "video/x-msvideo";
            });
            assertThat(f.durationMillis().isPresent()).isEqualTo(f.mediaType() == MediaType.VIDEO);
        }
        Scenario s = Scenarios.builtin("fancam-flood");
        assertThat(corpus.files("citizens")).hasSize(s.population("citizens").orElseThrow().media().files());
        assertThat(corpus.files("fans")).hasSize(s.population("fans").orElseThrow().media().files());
    }
}
