package dev.tipflood.scenarios.corpus.encode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import java.util.zip.CRC32;

/**
 * Grows an encoded file to a target size with metadata that every decoder skips: JPEG comment
 * segments after the JFIF header, a PNG {@code tEXt} chunk before {@code IEND}, a GIF comment
 * extension before the trailer. Padding is random bytes, so it does not compress away. A file
 * already at or over the target, or too close to it for the smallest padding block, is
 * returned unchanged.
 */
public final class Padding {
    private static final int JPEG_SEGMENT_MAX = 65_535 - 2;

    private Padding() {
    }

    public static byte[] jpeg(byte[] jpeg, long target, RandomGenerator random) {
        long deficit = target - jpeg.length;
        if (deficit < 4) {
            return jpeg;
        }
        int insertAt = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            insertAt = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.toIntExact(target));
        out.write(jpeg, 0, insertAt);
        long left = deficit;
        while (left >= 4) {
            // A segment is FF FE + 2 length bytes + payload; never leave a remainder below 4.
            long payload = Math.min(JPEG_SEGMENT_MAX - 2, left - 4);
            if (left - 4 - payload > 0 && left - 4 - payload < 4) {
                payload -= 4;
            }
            out.write(0xFF);
            out.write(0xFE);
            out.write((int) ((payload + 2) >> 8));
            out.write((int) ((payload + 2) & 0xFF));
            out.writeBytes(randomBytes((int) payload, random));
            left -= payload + 4;
        }
        out.write(jpeg, insertAt, jpeg.length - insertAt);
        return out.toByteArray();
    }

    public static byte[] png(byte[] png, long target, RandomGenerator random) {
        long deficit = target - png.length;
        int overhead = 12 + "Comment".length() + 1;
        if (deficit < overhead) {
            return png;
        }
        byte[] keyword = "Comment\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] text = randomText((int) (deficit - overhead), random);
        ByteBuffer chunk = ByteBuffer.allocate((int) deficit);
        chunk.putInt(keyword.length + text.length);
        int typeAt = chunk.position();
        chunk.put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(keyword).put(text);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), typeAt, chunk.position() - typeAt);
        chunk.putInt((int) crc.getValue());
        int iend = png.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.toIntExact(target));
        out.write(png, 0, iend);
        out.writeBytes(chunk.array());
        out.write(png, iend, 12);
        return out.toByteArray();
    }

    public static byte[] gif(byte[] gif, long target, RandomGenerator random) {
        long deficit = target - gif.length;
        if (deficit < 3) {
            return gif;
        }
        // Comment extension: 21 FE, sub-blocks of (length byte + up to 255 bytes), then 00.
        long payload = deficit - 3;
        long blocks = (payload + 255) / 256;
        payload -= blocks;
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.toIntExact(target));
        out.write(gif, 0, gif.length - 1);
        out.write(0x21);
        out.write(0xFE);
        while (payload > 0) {
            int n = (int) Math.min(255, payload);
            out.write(n);
            out.writeBytes(randomText(n, random));
            payload -= n;
        }
        out.write(0);
        out.write(gif[gif.length - 1]);
        return out.toByteArray();
    }

    private static byte[] randomBytes(int n, RandomGenerator random) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Printable Latin-1 (PNG tEXt must not contain NUL; GIF comments are meant to be text). */
    private static byte[] randomText(int n, RandomGenerator random) {
        byte[] b = randomBytes(n, random);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (0x20 + ((b[i] & 0xFF) % 95));
        }
        return b;
    }
}
