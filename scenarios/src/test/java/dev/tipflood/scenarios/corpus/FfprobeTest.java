package dev.tipflood.scenarios.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated videos are accepted by a standard tool. Skipped where ffprobe is not installed (.ci/run installs it). */
class FfprobeTest {
    private static final Path FFPROBE = Path.of("/usr/bin/ffprobe");

    @Test
    void ffprobeReadsEveryVideoAsMjpegWithTheDeclaredDuration(@TempDir Path cache) throws Exception {
        assumeTrue(Files.isExecutable(FFPROBE), "ffprobe not installed");
        CorpusManifest m = MediaCorpus.generate(Scenarios.builtin("smoke"), cache);
        List<CorpusFile> videos = m.files().stream().filter(f -> f.mediaType() == MediaType.VIDEO).toList();
        assertThat(videos).isNotEmpty();
        for (CorpusFile f : videos) {
            JsonNode probe = probe(m.resolve(f));
            JsonNode stream = probe.path("streams").path(0);
            assertThat(stream.path("codec_name").asText()).as(f.path()).isEqualTo("mjpeg");
            assertThat(probe.path("format").path("format_name").asText()).isEqualTo("avi");
            double seconds = probe.path("format").path("duration").asDouble();
            assertThat(seconds * 1000).as(f.path()).isCloseTo(f.durationMillis().orElseThrow(),
                    org.assertj.core.data.Offset.offset(50.0));
        }
    }

    private static JsonNode probe(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(FFPROBE.toString(), "-v", "error", "-show_entries",
                "stream=codec_name,width,height,nb_frames:format=format_name,duration", "-of", "json", file.toString())
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ffprobe did not finish for " + file);
        }
        assertThat(p.exitValue()).as(new String(out)).isZero();
        return new ObjectMapper().readTree(out);
    }
}
