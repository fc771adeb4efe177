package dev.tipflood.server.api.upload.multipart;

import dev.tipflood.server.api.error.PrintableText;

/**
 * Why a multipart body was rejected. Carries no stack trace: malformed bodies are an expected
 * part of a flood, and the message says everything there is to know. It may quote the body, so
 * it is made one printable line ({@link PrintableText}).
 */
public final class MultipartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of rejection. */
  public enum Kind {
    /** The declared boundary was not found within the preamble allowance, or not at all. */
    NO_BOUNDARY,
    /** Bad framing after a delimiter, a bad header line, a missing or invalid Content-Disposition. */
    MALFORMED,
    /** A part's header block is over {@link MultipartLimits#maxHeaderBytesPerPart()}. */
    HEADERS_TOO_LARGE,
    /** More parts than {@link MultipartLimits#maxParts()}. */
    TOO_MANY_PARTS,
    /** The body ended before the close delimiter. */
    TRUNCATED,
    /** More bytes after the close delimiter than {@link MultipartLimits#maxEpilogueBytes()}. */
    EPILOGUE_TOO_LARGE
  }

  private final Kind kind;

  private MultipartException(Kind kind, String message) {
    super(PrintableText.of(message), null, false, false);
    this.kind = kind;
  }

  static MultipartException of(Kind kind, String message) {
    return new MultipartException(kind, message);
  }

  static MultipartException malformed(int part, String problem) {
    return new MultipartException(Kind.MALFORMED, "part " + part + ": " + problem);
  }

  /** What kind of rejection this is. */
  public Kind kind() {
    return kind;
  }
}
