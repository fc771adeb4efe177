package dev.tipflood.scenarios.corpus;

import dev.tipflood.scenarios.corpus.encode.AviWriter;
import dev.tipflood.scenarios.corpus.encode.GifEncoder;
import dev.tipflood.scenarios.corpus.encode.ImageEncoders;
import dev.tipflood.scenarios.corpus.encode.Padding;
import dev.tipflood.scenarios.corpus.render.Scene;
import dev.tipflood.scenarios.model.Truth;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Makes the bytes of one planned file. Picture dimensions start from an estimate for the
 * target size and shrink until the encoding fits; the rest is padded with metadata the decoders
 * skip (see {@link Padding}), so file sizes follow the scenario's distribution closely. Files
 * whose smallest encoding is already bigger than the target stay bigger.
 */
final class MediaMaker {
    private static final int MIN_WIDTH = 16;
    private static final int MAX_PHOTO_WIDTH = 2048;
    private static final int MAX_GIF_WIDTH = 400;
    private static final int MAX_VIDEO_WIDTH = 640;
    private static final int MAX_VIDEO_FRAMES = 120;
    private static final int GIF_FRAMES = 8;
    /** Smallest useful MJPEG frame; below it more frames just cost header bytes. */
    private static final int MIN_FRAME_BYTES = 1200;

    private MediaMaker() {
    }

    static byte[] make(FileSpec f) {
        Scene scene = Scene.of(f.sceneSeed());
        SplittableRandom random = new SplittableRandom(f.fileSeed());
        return switch (f.format()) {
            case "jpeg" -> Padding.jpeg(fit(w -> ImageEncoders.jpeg(frame(scene, f, w, 0), f.quality()),
                    photoWidth(f, 0.35), f.targetBytes()), f.targetBytes(), random);
            case "png" -> Padding.png(fit(w -> ImageEncoders.png(frame(scene, f, w, 0)), photoWidth(f, 0.9),
                    f.targetBytes()), f.targetBytes(), random);
            case "gif" -> Padding.gif(fit(w -> gif(scene, f, w), startWidth(f.targetBytes() / GIF_FRAMES, 0.5,
                    MAX_GIF_WIDTH, 1.0, f.shrink()), f.targetBytes()), f.targetBytes(), random);
            case "avi" -> video(scene, f);
            default -> throw new IllegalArgumentException("unknown format " + f.format());
        };
    }

    /** Encodes at decreasing widths until the result fits {@code target} or the width is minimal. */
    private static byte[] fit(IntFunction<byte[]> encode, int width, long target) {
        byte[] bytes = encode.apply(width);
        for (int i = 0; i < 6 && bytes.length > target && width > MIN_WIDTH; i++) {
            width = Math.max(MIN_WIDTH, (int) (width * Math.sqrt((double) target / bytes.length) * 0.9));
            bytes = encode.apply(width);
        }
        return bytes;
    }

    private static int photoWidth(FileSpec f, double bytesPerPixel) {
        return startWidth(f.targetBytes(), bytesPerPixel, MAX_PHOTO_WIDTH, 0.75, f.shrink());
    }

    /** A width whose image of the given aspect (height/width) should encode to about {@code bytes}. */
    private static int startWidth(long bytes, double bytesPerPixel, int maxWidth, double aspect, double shrink) {
        double pixels = bytes / bytesPerPixel;
        int w = (int) Math.sqrt(pixels / aspect);
        return Math.max(MIN_WIDTH, (int) (Math.min(maxWidth, w) * shrink));
    }

    private static double aspect(FileSpec f) {
        return switch (f.type()) {
            case GIF -> 1.0;
            // fancams are filmed upright; witnesses mostly hold the phone sideways
            case VIDEO -> f.truth() == Truth.JUNK ? 16.0 / 9 : 9.0 / 16;
            default -> 0.75;
        };
    }

    private static BufferedImage frame(Scene scene, FileSpec f, int width, double t) {
        return camera(scene, f, width).frame(t);
    }

    private static Scene.Camera camera(Scene scene, FileSpec f, int width) {
        return scene.camera(width, height(f, width), f.view(), f.caption());
    }

    private static int height(FileSpec f, int width) {
        return Math.max(MIN_WIDTH * 3 / 4, (int) Math.round(width * aspect(f)));
    }

    private static byte[] gif(Scene scene, FileSpec f, int width) {
        Scene.Camera camera = camera(scene, f, width);
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < GIF_FRAMES; i++) {
            frames.add(camera.frame(i * 0.5));
        }
        return GifEncoder.animated(frames, 10);
    }

    private static byte[] video(Scene scene, FileSpec f) {
        double seconds = f.durationMs() / 1000.0;
        int frames = (int) Math.max(2, Math.min(Math.min(MAX_VIDEO_FRAMES, seconds * 10), f.targetBytes() * 0.8 / MIN_FRAME_BYTES));
        long perFrame = (long) (f.targetBytes() * 0.9 / frames);
        try (ImageEncoders.JpegWriter jpeg = new ImageEncoders.JpegWriter()) {
            // Fit the first frame to the per-frame budget, then render the clip at that width.
            int width = startWidth(perFrame, 0.12, MAX_VIDEO_WIDTH, aspect(f), f.shrink());
            byte[] first = jpeg.encode(frame(scene, f, width, 0), f.quality());
            for (int i = 0; i < 6 && first.length > perFrame && width > MIN_WIDTH; i++) {
                width = Math.max(MIN_WIDTH, (int) (width * Math.sqrt((double) perFrame / first.length) * 0.9));
                first = jpeg.encode(frame(scene, f, width, 0), f.quality());
            }
            Scene.Camera camera = camera(scene, f, width);
            List<byte[]> jpegs = new ArrayList<>();
            jpegs.add(first);
            for (int i = 1; i < frames; i++) {
                jpegs.add(jpeg.encode(camera.frame(i * seconds / frames), f.quality()));
            }
            long junk = f.targetBytes() - AviWriter.sizeOf(jpegs);
            int junkBytes = junk >= 8 ? (int) (junk - (junk & 1)) : 0;
            return AviWriter.write(jpegs, width, height(f, width), f.durationMs(), junkBytes);
        }
    }
}
