package dev.tipflood.server.api.upload.multipart;

import dev.tipflood.server.api.upload.multipart.MultipartException.Kind;
import io.vertx.core.buffer.Buffer;
import java.util.Objects;

/**
 * Push parser for one multipart/form-data body (RFC 7578, RFC 2046 section 5.1). The event loop
 * feeds it the request's buffers as they arrive; it calls the {@link MultipartListener}
 * synchronously, passing part data as slices of the fed buffers. Not thread-safe; one per request.
 *
 * <pre>{@code
 * MultipartParser parser = new MultipartParser(boundary, MultipartLimits.defaults(), listener);
 * request.handler(parser::feed);
 * request.endHandler(v -> parser.end());
 * }</pre>
 *
 * <p>It never throws on bad input: it reports one {@link MultipartException} through
 * {@link MultipartListener#onError} and ignores all later input. It throws only what the listener
 * throws, and then stays failed.
 */
public final class MultipartParser {

  private enum State {
    PREAMBLE, AFTER_DELIMITER, AFTER_DASH, PADDING, PADDING_CR, HEADERS, BODY,
    CLOSE_PADDING, CLOSE_CR, EPILOGUE, COMPLETE, FAILED
  }

  private static final int MAX_BOUNDARY = 70;

  private final String boundary;
  private final MultipartLimits limits;
  private final MultipartListener listener;
  private final DelimiterSearch search;
  private final HeaderBlock headers;
  private final DelimiterSearch.Sink bodySink;
  private final DelimiterSearch.Sink preambleSink = data -> { };
  private State state = State.PREAMBLE;
  private long bytesSeen;
  private long epilogueBytes;
  private int parts;
  private boolean ended;

  /**
   * @param boundary the boundary from the Content-Type, 1-70 characters, without CR or LF
   * @throws IllegalArgumentException if the boundary is empty, too long or has CR, LF or non-ASCII characters
   */
  public MultipartParser(String boundary, MultipartLimits limits, MultipartListener listener) {
    this(boundary, limits, listener, null);
  }

  private MultipartParser(String boundary, MultipartLimits limits, MultipartListener listener, String mixedName) {
    this.boundary = checkBoundary(boundary);
    this.limits = Objects.requireNonNull(limits, "limits");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.search = new DelimiterSearch(boundary, true);
    this.headers = new HeaderBlock(limits.maxHeaderBytesPerPart(), mixedName);
    this.bodySink = listener::onPartData;
  }

  /**
   * A parser for a {@code multipart/mixed} body nested in the form-data part {@code name}: the
   * RFC 2388 way of sending several files under one name, which RFC 7578 deprecates but Netty's
   * (and so Vert.x WebClient's) multipart encoder still uses. Its parts are files: their
   * Content-Disposition may be {@code attachment}, {@code file}, {@code inline} or
   * {@code form-data}, and a part without a name parameter takes {@code name}.
   */
  public static MultipartParser mixed(String boundary, String name, MultipartLimits limits,
      MultipartListener listener) {
    return new MultipartParser(boundary, limits, listener, Objects.requireNonNull(name, "name"));
  }

  /**
   * Feeds the next body bytes; calls the listener synchronously. After an error, input is ignored;
   * after the close delimiter, it is epilogue, ignored up to {@link MultipartLimits#maxEpilogueBytes()}.
   *
   * @throws IllegalStateException if called after {@link #end()}
   * @throws RuntimeException whatever the listener threw; the parser is then failed
   */
  public void feed(Buffer chunk) {
    if (ended) {
      throw new IllegalStateException("feed() after end()");
    }
    int length = chunk.length();
    long offset = bytesSeen;
    bytesSeen += length;
    try {
      int pos = 0;
      while (pos < length && state != State.FAILED) {
        pos = step(chunk, pos, length, offset);
      }
    } catch (RuntimeException listenerFailure) {
      state = State.FAILED;
      throw listenerFailure;
    }
  }

  /** The body ended. If the close delimiter was not seen: onError(TRUNCATED or NO_BOUNDARY), else onComplete(). */
  public void end() {
    if (ended) {
      return;
    }
    ended = true;
    switch (state) {
      case FAILED -> { }
      case CLOSE_PADDING, CLOSE_CR, EPILOGUE -> {
        state = State.COMPLETE;
        listener.onComplete();
      }
      case PREAMBLE -> fail(MultipartException.of(Kind.NO_BOUNDARY, "the body (" + bytesSeen
          + " bytes) has no delimiter '--" + boundary + "'; it is probably framed with another boundary"));
      default -> fail(MultipartException.of(Kind.TRUNCATED, "the body ended "
          + (parts == 0 ? "after the first delimiter" : "in part " + parts)
          + " before the closing boundary '--" + boundary + "--'"));
    }
  }

  /** Bytes fed so far. */
  public long bytesSeen() {
    return bytesSeen;
  }

  /** Handles the input from {@code pos} in the current state; returns where it stopped. */
  private int step(Buffer chunk, int pos, int end, long offset) {
    return switch (state) {
      case PREAMBLE -> preamble(chunk, pos, end, offset);
      case BODY -> body(chunk, pos, end, offset);
      case HEADERS -> headers(chunk, pos, end);
      case EPILOGUE -> epilogue(end - pos, end);
      case COMPLETE, FAILED -> end;
      default -> afterDelimiter(chunk.getByte(pos), pos, end);
    };
  }

  private int preamble(Buffer chunk, int pos, int end, long offset) {
    int next = search.scan(chunk, pos, end, offset, preambleSink);
    long delimiterStart = search.found() || search.held() > 0 ? search.matchStart() : offset + end;
    if (delimiterStart > limits.maxPreambleBytes()) {
      return fail(MultipartException.of(Kind.NO_BOUNDARY, "the declared boundary '" + boundary
          + "' was not found in the first " + limits.maxPreambleBytes()
          + " bytes of the body (maxPreambleBytes); it is probably framed with another boundary"), end);
    }
    if (search.found()) {
      state = State.AFTER_DELIMITER;
    }
    return next;
  }

  private int body(Buffer chunk, int pos, int end, long offset) {
    int next = search.scan(chunk, pos, end, offset, bodySink);
    if (search.found()) {
      state = State.AFTER_DELIMITER;
      listener.onPartEnd();
    }
    return next;
  }

  private int headers(Buffer chunk, int pos, int end) {
    int next;
    PartHeaders part;
    try {
      next = headers.consume(chunk, pos, end);
      if (!headers.complete()) {
        return next;
      }
      part = headers.headers();
    } catch (MultipartException badHeaders) {
      return fail(badHeaders, end);
    }
    state = State.BODY;
    listener.onPartStart(part);
    return next;
  }

  /** Transport padding and CRLF after a delimiter, or "--" and the close line. One byte at a time: they are few. */
  private int afterDelimiter(byte b, int pos, int end) {
    switch (state) {
      case AFTER_DELIMITER -> {
        if (b == '-') {
          state = State.AFTER_DASH;
        } else if (b == '\r') {
          state = State.PADDING_CR;
        } else if (isPadding(b)) {
          state = State.PADDING;
        } else {
          return badFraming("expected CRLF or '--' after the boundary", b, end);
        }
      }
      case AFTER_DASH -> {
        if (b != '-') {
          return badFraming("expected '--' after the boundary", b, end);
        }
        if (parts == 0) {
          // RFC 2046 section 5.1.1: a multipart body has at least one part.
          return fail(MultipartException.of(Kind.MALFORMED, "the first delimiter is the close delimiter '--"
              + boundary + "--': the body has no parts"), end);
        }
        state = State.CLOSE_PADDING;
      }
      case PADDING -> {
        if (b == '\r') {
          state = State.PADDING_CR;
        } else if (!isPadding(b)) {
          return badFraming("expected CRLF after the boundary's padding", b, end);
        }
      }
      case PADDING_CR -> {
        if (b != '\n') {
          return badFraming("expected LF after CR after the boundary", b, end);
        }
        return startPart(pos + 1, end);
      }
      case CLOSE_PADDING -> {
        if (b == '\r') {
          state = State.CLOSE_CR;
        } else if (!isPadding(b)) {
          state = State.EPILOGUE;
          return epilogue(1, pos + 1);
        }
      }
      case CLOSE_CR -> {
        state = State.EPILOGUE;
        // The CRLF ending the close line is not epilogue; a lone CR and what follows are.
        return b == '\n' ? pos + 1 : epilogue(2, pos + 1);
      }
      default -> throw new IllegalStateException("not after a delimiter: " + state);
    }
    return pos + 1;
  }

  private int startPart(int pos, int end) {
    parts++;
    if (parts > limits.maxParts()) {
      return fail(MultipartException.of(Kind.TOO_MANY_PARTS, "part " + parts + " starts, but maxParts is "
          + limits.maxParts()), end);
    }
    headers.start(parts);
    state = State.HEADERS;
    return pos;
  }

  private int epilogue(int bytes, int next) {
    epilogueBytes += bytes;
    if (epilogueBytes > limits.maxEpilogueBytes()) {
      return fail(MultipartException.of(Kind.EPILOGUE_TOO_LARGE, "more than " + limits.maxEpilogueBytes()
          + " bytes after the closing boundary '--" + boundary + "--' (maxEpilogueBytes)"), next);
    }
    return next;
  }

  private int badFraming(String expectation, byte b, int end) {
    String where = parts == 0 ? "first delimiter" : "delimiter after part " + parts;
    return fail(MultipartException.of(Kind.MALFORMED, "at the " + where + ": " + expectation
        + ", found " + describe(b)), end);
  }

  private int fail(MultipartException error, int end) {
    state = State.FAILED;
    listener.onError(error);
    return end;
  }

  private void fail(MultipartException error) {
    fail(error, 0);
  }

  private static boolean isPadding(byte b) {
    return b == ' ' || b == '\t';
  }

  private static String describe(byte b) {
    return b > ' ' && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b & 0xff);
  }

  private static String checkBoundary(String boundary) {
    Objects.requireNonNull(boundary, "boundary");
    if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
      throw new IllegalArgumentException("boundary must be 1-" + MAX_BOUNDARY + " characters, was "
          + boundary.length());
    }
    for (int i = 0; i < boundary.length(); i++) {
      char c = boundary.charAt(i);
      if (c == '\r' || c == '\n' || c >= 0x80) {
        throw new IllegalArgumentException("boundary has a CR, LF or non-ASCII character at index " + i);
      }
    }
    return boundary;
  }
}
