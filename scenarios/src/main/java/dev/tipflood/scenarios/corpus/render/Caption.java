package dev.tipflood.scenarios.corpus.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Map;

/**
 * Draws caption text with a built-in 5x5 block font. Font rendering would make the corpus bytes
 * depend on which fonts the machine has; blocks are identical everywhere.
 */
final class Caption {
    /** Each glyph is 5 rows of 5 bits, most significant bit on the left. */
    private static final Map<Character, int[]> GLYPHS = Map.ofEntries(
            Map.entry('#', new int[] {0b01010, 0b11111, 0b01010, 0b11111, 0b01010}),
            Map.entry('A', new int[] {0b01110, 0b10001, 0b11111, 0b10001, 0b10001}),
            Map.entry('C', new int[] {0b01111, 0b10000, 0b10000, 0b10000, 0b01111}),
            Map.entry('E', new int[] {0b11111, 0b10000, 0b11110, 0b10000, 0b11111}),
            Map.entry('F', new int[] {0b11111, 0b10000, 0b11110, 0b10000, 0b10000}),
            Map.entry('K', new int[] {0b10001, 0b10010, 0b11100, 0b10010, 0b10001}),
            Map.entry('M', new int[] {0b10001, 0b11011, 0b10101, 0b10001, 0b10001}),
            Map.entry('N', new int[] {0b10001, 0b11001, 0b10101, 0b10011, 0b10001}),
            Map.entry('O', new int[] {0b01110, 0b10001, 0b10001, 0b10001, 0b01110}),
            Map.entry('P', new int[] {0b11110, 0b10001, 0b11110, 0b10000, 0b10000}),
            Map.entry('R', new int[] {0b11110, 0b10001, 0b11110, 0b10010, 0b10001}),
            Map.entry('S', new int[] {0b01111, 0b10000, 0b01110, 0b00001, 0b11110}),
            Map.entry('T', new int[] {0b11111, 0b00100, 0b00100, 0b00100, 0b00100}),
            Map.entry('V', new int[] {0b10001, 0b10001, 0b10001, 0b01010, 0b00100}),
            Map.entry('W', new int[] {0b10001, 0b10001, 0b10101, 0b11011, 0b10001}),
            Map.entry(' ', new int[] {0, 0, 0, 0, 0}));

    private Caption() {
    }

    /** Draws {@code text} centred near the bottom, white on a dark band, scaled to the width. */
    static void draw(Graphics2D g, String text, int width, int height) {
        int cell = Math.max(1, Math.min(width / (text.length() * 6 + 2), height / 10));
        int textWidth = text.length() * 6 * cell;
        int x0 = (width - textWidth) / 2;
        int y0 = height - 8 * cell;
        g.setColor(new Color(0, 0, 0));
        g.fillRect(0, y0 - cell, width, 7 * cell);
        g.setColor(Color.WHITE);
        for (int i = 0; i < text.length(); i++) {
            int[] rows = GLYPHS.getOrDefault(text.charAt(i), GLYPHS.get(' '));
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 5; c++) {
                    if ((rows[r] >> (4 - c) & 1) == 1) {
                        g.fillRect(x0 + (i * 6 + c) * cell, y0 + r * cell, cell, cell);
                    }
                }
            }
        }
    }
}
