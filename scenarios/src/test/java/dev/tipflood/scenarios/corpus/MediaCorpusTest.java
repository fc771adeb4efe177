package dev.tipflood.scenarios.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaCorpusTest {

    @TempDir
    Path cache;

    @Test
    void everyFileOfTheSmokeCorpusDecodesAndMatchesItsManifestEntry() throws IOException {
        Decoding.assertEveryFileDecodes(MediaCorpus.generate(Scenarios.builtin("smoke"), cache));
    }

    @Test
    void secondGenerationReusesTheCacheAndLeavesNoTemporaryDirectories() throws IOException {
        Scenario s = Scenarios.builtin("smoke");
        CorpusManifest a = MediaCorpus.generate(s, cache);
        CorpusManifest b = MediaCorpus.generate(s, cache);
        assertThat(b.directory()).isEqualTo(a.directory());
        assertThat(b.files()).isEqualTo(a.files());
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(MediaCorpus.key(s));
        }
    }

    @Test
    void cacheKeyIgnoresArrivalsAndDurationButNotScaleOrSeed() {
        Scenario s = Scenarios.builtin("smoke");
        assertThat(MediaCorpus.key(s.withDuration(java.time.Duration.ofMinutes(5)))).isEqualTo(MediaCorpus.key(s));
        assertThat(MediaCorpus.key(s.withProfile("hardened"))).isEqualTo(MediaCorpus.key(s));
        assertThat(MediaCorpus.key(s.withScale(0.02))).isNotEqualTo(MediaCorpus.key(s));
        assertThat(MediaCorpus.key(s.withSeed(1))).isNotEqualTo(MediaCorpus.key(s));
    }

}
