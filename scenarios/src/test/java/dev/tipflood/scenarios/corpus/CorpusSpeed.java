package dev.tipflood.scenarios.corpus;

import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.Population;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark (not a test): generates the corpus of a scenario into a fresh cache directory and
 * prints the wall time. Run through {@code scenarios/bench/corpus-speed.sh}.
 */
public final class CorpusSpeed {
    private CorpusSpeed() {
    }

    public static void main(String[] args) throws IOException {
        Scenario s = Scenarios.resolve(args[0]);
        double unscaled = 0;
        for (Population p : s.populations()) {
            unscaled += p.media().files() * CorpusPlan.meanBytes(p.media());
        }
        Path cache = Files.createTempDirectory("tipflood-corpus-bench-");
        try {
            long t0 = System.nanoTime();
            CorpusManifest m = MediaCorpus.generate(s, cache);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("scenario=%s files=%d expectedUnscaled=%.2fGB scale=%s written=%.1fMB"
                            + " (=%.2fGB unscaled) seconds=%.2f cores=%d%n",
                    s.name(), m.files().size(), unscaled / 1e9, s.scale(), m.totalBytes() / 1e6,
                    m.totalBytes() / s.scale() / 1e9, seconds, Runtime.getRuntime().availableProcessors());
        } finally {
            CorpusGenerator.deleteTree(cache);
        }
    }
}
