package dev.tipflood.scenarios.corpus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: walks a RIFF AVI and returns the payloads of its {@code 00dc} frame chunks. */
final class AviFrames {
    private AviFrames() {
    }

    static List<byte[]> frames(byte[] avi) {
        ByteBuffer b = ByteBuffer.wrap(avi).order(ByteOrder.LITTLE_ENDIAN);
        if (!"RIFF".equals(fourcc(b, 0)) || !"AVI ".equals(fourcc(b, 8))) {
            throw new IllegalArgumentException("not a RIFF AVI");
        }
        if (b.getInt(4) + 8 != avi.length) {
            throw new IllegalArgumentException("RIFF size " + (b.getInt(4) + 8) + " != file size " + avi.length);
        }
        List<byte[]> frames = new ArrayList<>();
        walk(b, 12, avi.length, frames);
        return frames;
    }

    private static void walk(ByteBuffer b, int from, int to, List<byte[]> frames) {
        int pos = from;
        while (pos + 8 <= to) {
            String id = fourcc(b, pos);
            int size = b.getInt(pos + 4);
            if ("LIST".equals(id)) {
                walk(b, pos + 12, pos + 8 + size, frames);
            } else if ("00dc".equals(id)) {
                byte[] frame = new byte[size];
                b.get(pos + 8, frame);
                frames.add(frame);
            }
            pos += 8 + size + (size & 1);
        }
        if (pos != to) {
            throw new IllegalArgumentException("chunks overrun their list at " + pos + " (list ends at " + to + ")");
        }
    }

    private static String fourcc(ByteBuffer b, int at) {
        byte[] code = new byte[4];
        b.get(at, code);
        return new String(code, StandardCharsets.US_ASCII);
    }
}
