package dev.tipflood.scenarios.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.model.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Test helper: every file of a corpus decodes, every frame of it, and matches its manifest entry. */
final class Decoding {
    private Decoding() {
    }

    /** Every frame of every file. */
    static void assertEveryFileDecodes(CorpusManifest m) throws IOException {
        assertEveryFileDecodes(m, true);
    }

    /**
     * Every file; for videos every frame, or (to keep big corpora quick) the first, middle and
     * last frame after checking the RIFF structure of all.
     */
    static void assertEveryFileDecodes(CorpusManifest m, boolean allVideoFrames) throws IOException {
        assertThat(m.files()).isNotEmpty();
        for (CorpusFile f : m.files()) {
            byte[] bytes = Files.readAllBytes(m.resolve(f));
            assertThat(bytes).as(f.path()).hasSize((int) f.size());
            assertThat(CorpusKey.sha256(bytes)).as(f.path()).isEqualTo(f.sha256());
            if (f.mediaType() == MediaType.VIDEO) {
                var frames = AviFrames.frames(bytes);
                assertThat(frames).as(f.path()).hasSizeGreaterThanOrEqualTo(2);
                var checked = allVideoFrames ? frames
                        : java.util.List.of(frames.get(0), frames.get(frames.size() / 2), frames.get(frames.size() - 1));
                for (byte[] frame : checked) {
                    assertThat(frameCount(frame, "jpeg")).as(f.path()).isEqualTo(1);
                }
            } else if (f.mediaType() == MediaType.GIF) {
                assertThat(frameCount(bytes, "gif")).as(f.path() + " frames").isEqualTo(8);
            } else {
                assertThat(frameCount(bytes, f.contentType().substring("image/".length()))).as(f.path()).isEqualTo(1);
            }
        }
    }

    /** Decodes every image in the stream with ImageIO and returns how many there were. */
    private static int frameCount(byte[] bytes, String format) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertThat(readers.hasNext()).as("an ImageIO reader recognises the " + format + " bytes").isTrue();
            ImageReader reader = readers.next();
            try {
                assertThat(reader.getFormatName().toLowerCase(java.util.Locale.ROOT)).contains(format);
                reader.setInput(in);
                int n = reader.getNumImages(true);
                for (int i = 0; i < n; i++) {
                    assertThat(reader.read(i).getWidth()).isPositive();
                }
                return n;
            } finally {
                reader.dispose();
            }
        }
    }
}
