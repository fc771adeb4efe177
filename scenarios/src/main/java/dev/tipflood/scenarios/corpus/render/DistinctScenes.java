package dev.tipflood.scenarios.corpus.render;

import dev.tipflood.scenarios.model.Seeds;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands out scene seeds whose pictures are far apart: a candidate scene is accepted only when
 * its 64-bit block-mean signature differs from every scene accepted so far in at least
 * {@link #MIN_DISTANCE} bits. Random scenes are usually far apart anyway; this makes it a
 * guarantee. Not thread-safe: plans are made sequentially, so the choice is deterministic.
 */
public final class DistinctScenes {
    /** Bits in which two scene signatures must differ. */
    public static final int MIN_DISTANCE = 14;
    private static final int W = 32;
    private static final int H = 32;
    private static final int MAX_ATTEMPTS = 200;

    private final List<Long> accepted = new ArrayList<>();
    private final Map<Long, Long> picked = new HashMap<>();

    /** Like {@link #pick}, but the same base always returns the seed picked the first time. */
    public long pickOnce(long base) {
        return picked.computeIfAbsent(base, this::pick);
    }

    /** The first seed derived from {@code base} whose scene is far from all earlier ones. */
    public long pick(long base) {
        long best = base;
        int bestDistance = -1;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long seed = Seeds.derive(base, attempt);
            long sig = signature(Scene.of(seed));
            int d = accepted.stream().mapToInt(a -> Long.bitCount(a ^ sig)).min().orElse(64);
            if (d >= MIN_DISTANCE) {
                accepted.add(sig);
                return seed;
            }
            if (d > bestDistance) {
                bestDistance = d;
                best = seed;
            }
        }
        // Thousands of scenes crowd the 64-bit space; settle for the most distinct candidate.
        accepted.add(signature(Scene.of(best)));
        return best;
    }

    /** Grey mean of each 4x4 block of a 32x32 rendering, thresholded at the overall mean. */
    static long signature(Scene scene) {
        BufferedImage img = scene.render(W, H, View.IDENTITY, 0, Optional.empty());
        double[] blocks = new double[64];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int rgb = img.getRGB(x, y);
                double grey = 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
                blocks[(y / 4) * 8 + x / 4] += grey;
            }
        }
        double mean = java.util.Arrays.stream(blocks).average().orElse(0);
        long sig = 0;
        for (int i = 0; i < 64; i++) {
            if (blocks[i] > mean) {
                sig |= 1L << i;
            }
        }
        return sig;
    }
}
