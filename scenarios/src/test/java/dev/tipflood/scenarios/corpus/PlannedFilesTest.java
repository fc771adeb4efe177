package dev.tipflood.scenarios.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.Scenarios;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus as planned is the corpus as made: same files, same order, sizes to the byte or one off (AVI padding). */
class PlannedFilesTest {
    @TempDir
    Path cache;

    @Test
    void plannedFilesAreTheGeneratedOnes() {
        var scenario = Scenarios.builtin("smoke");
        List<PlannedFile> planned = MediaCorpus.plannedFiles(scenario);
        CorpusManifest made = MediaCorpus.generate(scenario, cache);
        assertThat(planned).hasSameSizeAs(made.files());
        for (int i = 0; i < planned.size(); i++) {
            PlannedFile p = planned.get(i);
            CorpusFile f = made.files().get(i);
            assertThat(p.path()).isEqualTo(f.path());
            assertThat(p.population()).isEqualTo(f.population());
            assertThat(p.mediaType()).isEqualTo(f.mediaType());
            assertThat(p.contentType()).isEqualTo(f.contentType());
            assertThat(p.bytes()).as(p.path()).isBetween(f.size(), f.size() + 1);
            assertThat(p.durationMillis()).isEqualTo(f.durationMillis().orElse(0));
        }
    }
}
