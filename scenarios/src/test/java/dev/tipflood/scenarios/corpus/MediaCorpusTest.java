package dev.tipflood.scenarios.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.Scenario;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.MediaType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaCorpusTest {

    @TempDir
    Path cache;

    @Test
    void everyFileDecodesAndMatchesItsManifestEntry() throws IOException {
        CorpusManifest m = MediaCorpus.generate(Scenarios.builtin("smoke"), cache);
        assertThat(m.files()).isNotEmpty();
        for (CorpusFile f : m.files()) {
            byte[] bytes = Files.readAllBytes(m.resolve(f));
            assertThat(bytes).as(f.path()).hasSize((int) f.size());
            assertThat(CorpusKey.sha256(bytes)).isEqualTo(f.sha256());
            if (f.mediaType() == MediaType.VIDEO) {
                assertThat(f.durationMillis()).isPresent();
                for (byte[] frame : AviFrames.frames(bytes)) {
                    assertThat(decode(frame)).as(f.path()).isNotNull();
                }
            } else {
                assertThat(decode(bytes)).as(f.path()).isNotNull();
            }
        }
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

    static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
