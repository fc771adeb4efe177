package dev.tipflood.scenarios.corpus.encode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes Motion-JPEG in a RIFF AVI 1.0 container: {@code hdrl} (avih + one video strl),
 * {@code movi} with one {@code 00dc} chunk per JPEG frame, an {@code idx1} index, and an
 * optional trailing {@code JUNK} chunk to pad the file to a target size. ffprobe/ffmpeg and
 * other players accept it, and each frame decodes with {@code ImageIO}.
 */
public final class AviWriter {
    private static final int AVIF_HASINDEX = 0x10;
    private static final int AVIIF_KEYFRAME = 0x10;
    /** Size of every fixed header before movi: RIFF/AVI + hdrl list with avih, strl, strh, strf. */
    private static final int HEADER = 12 + 12 + 8 + 56 + 12 + 8 + 56 + 8 + 40;

    private AviWriter() {
    }

    /** Bytes of an AVI holding these frames with no padding. */
    public static long sizeOf(List<byte[]> frames) {
        long movi = 0;
        for (byte[] f : frames) {
            movi += 8 + even(f.length);
        }
        return HEADER + 12 + movi + 8 + 16L * frames.size();
    }

    /**
     * Writes the AVI.
     *
     * @param frames         JPEG frames, all {@code width x height}
     * @param durationMillis total duration; frame rate is {@code frames * 1000 / durationMillis}
     * @param junkBytes      size of a trailing JUNK chunk (0, or >= 8 and even)
     */
    public static byte[] write(List<byte[]> frames, int width, int height, long durationMillis, int junkBytes) {
        if (junkBytes != 0 && (junkBytes < 8 || junkBytes % 2 != 0)) {
            throw new IllegalArgumentException("junkBytes must be 0 or an even number >= 8, was " + junkBytes);
        }
        long total = sizeOf(frames) + junkBytes;
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
        int maxFrame = frames.stream().mapToInt(f -> f.length).max().orElse(0);
        int n = frames.size();
        long microsPerFrame = durationMillis * 1000 / Math.max(1, n);
        fourcc(b, "RIFF").putInt((int) (total - 8));
        fourcc(b, "AVI ");
        fourcc(b, "LIST").putInt(4 + 8 + 56 + 12 + 8 + 56 + 8 + 40);
        fourcc(b, "hdrl");
        fourcc(b, "avih").putInt(56);
        b.putInt((int) microsPerFrame).putInt((int) (maxFrame * 1_000_000L / Math.max(1, microsPerFrame)))
                .putInt(0).putInt(AVIF_HASINDEX).putInt(n).putInt(0).putInt(1).putInt(maxFrame)
                .putInt(width).putInt(height).putInt(0).putInt(0).putInt(0).putInt(0);
        fourcc(b, "LIST").putInt(4 + 8 + 56 + 8 + 40);
        fourcc(b, "strl");
        fourcc(b, "strh").putInt(56);
        fourcc(b, "vids");
        fourcc(b, "MJPG");
        // flags, priority+language, initial frames; then the rate as dwRate/dwScale = n / seconds
        b.putInt(0).putInt(0).putInt(0).putInt((int) durationMillis).putInt(n * 1000).putInt(0).putInt(n)
                .putInt(maxFrame).putInt(-1).putInt(0)
                .putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height);
        fourcc(b, "strf").putInt(40);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24);
        fourcc(b, "MJPG");
        b.putInt(width * height * 3).putInt(0).putInt(0).putInt(0).putInt(0);
        long movi = 0;
        for (byte[] f : frames) {
            movi += 8 + even(f.length);
        }
        fourcc(b, "LIST").putInt((int) (4 + movi));
        int moviStart = b.position();
        fourcc(b, "movi");
        int[] offsets = new int[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = b.position() - moviStart;
            fourcc(b, "00dc").putInt(frames.get(i).length);
            b.put(frames.get(i));
            if (frames.get(i).length % 2 != 0) {
                b.put((byte) 0);
            }
        }
        fourcc(b, "idx1").putInt(16 * n);
        for (int i = 0; i < n; i++) {
            fourcc(b, "00dc").putInt(AVIIF_KEYFRAME).putInt(offsets[i]).putInt(frames.get(i).length);
        }
        if (junkBytes > 0) {
            fourcc(b, "JUNK").putInt(junkBytes - 8);
        }
        return b.array();
    }

    private static ByteBuffer fourcc(ByteBuffer b, String code) {
        return b.put(code.getBytes(StandardCharsets.US_ASCII));
    }

    private static long even(int length) {
        return length + (length & 1);
    }
}
