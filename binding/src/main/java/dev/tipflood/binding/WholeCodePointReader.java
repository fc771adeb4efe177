package dev.tipflood.binding;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that never ends a read between the two halves of a surrogate pair: a character
 * outside the Basic Multilingual Plane (an emoji) always arrives whole. SnakeYAML's stream reader
 * (2.0 to 2.3) reads one more char when its 1024-char buffer ends on a high surrogate, past the
 * buffer's end, and throws {@link IndexOutOfBoundsException}; through this reader its buffer never
 * ends on one.
 */
final class WholeCodePointReader extends FilterReader {
    private int held = -1;

    WholeCodePointReader(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        if (held >= 0) {
            buffer[offset] = (char) held;
            held = -1;
            n = 1;
        }
        if (n < length) {
            int more = in.read(buffer, offset + n, length - n);
            if (more < 0) {
                return n == 0 ? -1 : n;
            }
            n += more;
        }
        if (n > 1 && Character.isHighSurrogate(buffer[offset + n - 1])) {
            held = buffer[offset + n - 1];
            n--;
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public boolean ready() throws IOException {
        return held >= 0 || in.ready();
    }

    @Override
    public long skip(long n) throws IOException {
        char[] scratch = new char[(int) Math.min(512, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readAheadLimit) throws IOException {
        throw new IOException("mark is not supported");
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("reset is not supported");
    }
}
