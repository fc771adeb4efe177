package dev.tipflood.scenarios.corpus;

import dev.tipflood.scenarios.model.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes a planned corpus: files in parallel (each from its own seeded stream, so the order of
 * work does not matter), then the manifest, into a temporary directory that is renamed to the
 * content key when complete.
 */
final class CorpusGenerator {
    private final Scenario scenario;

    CorpusGenerator(Scenario scenario) {
        this.scenario = scenario;
    }

    CorpusManifest generateCached(Path cacheRoot) {
        String key = CorpusKey.of(scenario);
        Path dir = cacheRoot.resolve(key);
        if (Files.isRegularFile(dir.resolve(ManifestJson.FILE))) {
            return CorpusManifest.read(dir);
        }
        Path tmp = null;
        try {
            Files.createDirectories(cacheRoot);
            tmp = Files.createTempDirectory(cacheRoot, ".tmp-" + key + "-");
            write(tmp, key);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another process may have finished the same corpus first: its copy is
                // byte-identical, so keep it and drop ours.
                if (!Files.isRegularFile(dir.resolve(ManifestJson.FILE))) {
                    throw e;
                }
                deleteTree(tmp);
            }
            tmp = null;
            return CorpusManifest.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write corpus " + key + " under " + cacheRoot, e);
        } finally {
            if (tmp != null) {
                deleteTreeQuietly(tmp);
            }
        }
    }

    /** Generates every file and the manifest into {@code dir}. */
    CorpusManifest write(Path dir, String key) throws IOException {
        List<FileSpec> plan = CorpusPlan.files(scenario);
        Map<FileSpec, byte[]> sources = new ConcurrentHashMap<>();
        List<CorpusFile> files = plan.parallelStream().map(spec -> {
            byte[] bytes = spec.exactOf().isPresent()
                    ? sources.computeIfAbsent(spec.exactOf().get(), MediaMaker::make)
                    : MediaMaker.make(spec);
            return store(dir, spec, bytes);
        }).toList();
        CorpusManifest manifest = new CorpusManifest(dir, key, MediaCorpus.GENERATOR_VERSION, scenario.name(),
                scenario.seed(), scenario.scale(), files);
        ManifestJson.write(manifest, dir);
        return manifest;
    }

    private static CorpusFile store(Path dir, FileSpec spec, byte[] bytes) {
        Path file = dir.resolve(spec.path());
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write corpus file " + file, e);
        }
        return new CorpusFile(spec.path(), spec.population(), spec.truth(), spec.type(), spec.contentType(),
                spec.sourceId(), spec.clusterId(), spec.transform(), bytes.length, CorpusKey.sha256(bytes),
                spec.durationMs() > 0 ? OptionalLong.of(spec.durationMs()) : OptionalLong.empty());
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteTreeQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException e) {
            // The generation error that got us here matters more; say what is left behind.
            System.err.println("tipflood: could not remove temporary corpus " + root + ": " + e.getMessage());
        }
    }
}
