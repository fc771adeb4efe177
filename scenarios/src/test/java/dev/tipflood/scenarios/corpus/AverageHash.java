package dev.tipflood.scenarios.corpus;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Test helper: the classic 64-bit average hash (8x8 grey, bit = above mean). */
final class AverageHash {
    private AverageHash() {
    }

    static long of(BufferedImage image) {
        BufferedImage small = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image.getScaledInstance(8, 8, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        int[] px = small.getRaster().getPixels(0, 0, 8, 8, (int[]) null);
        double mean = java.util.Arrays.stream(px).average().orElse(0);
        long hash = 0;
        for (int i = 0; i < 64; i++) {
            if (px[i] > mean) {
                hash |= 1L << i;
            }
        }
        return hash;
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
