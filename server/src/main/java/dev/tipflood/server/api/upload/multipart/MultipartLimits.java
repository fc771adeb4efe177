package dev.tipflood.server.api.upload.multipart;

import dev.tipflood.binding.InvalidFieldException;

/**
 * Caps that keep one multipart body from costing unbounded memory or work. Part bodies are
 * streamed and not capped here: the upload session caps them per part and per request.
 *
 * @param maxHeaderBytesPerPart most bytes of one part's header block, its CRLFs and the blank line included
 * @param maxParts most parts in one body
 * @param maxPreambleBytes most bytes before the first delimiter
 * @param maxEpilogueBytes most bytes after the close delimiter, not counting its padding and CRLF
 */
public record MultipartLimits(int maxHeaderBytesPerPart, int maxParts, int maxPreambleBytes, int maxEpilogueBytes) {

  public MultipartLimits {
    if (maxHeaderBytesPerPart < 1) {
      throw InvalidFieldException.of("maxHeaderBytesPerPart", "must be at least 1, was " + maxHeaderBytesPerPart);
    }
    if (maxParts < 1) {
      throw InvalidFieldException.of("maxParts", "must be at least 1, was " + maxParts);
    }
    if (maxPreambleBytes < 0) {
      throw InvalidFieldException.of("maxPreambleBytes", "must be 0 or more, was " + maxPreambleBytes);
    }
    if (maxEpilogueBytes < 0) {
      throw InvalidFieldException.of("maxEpilogueBytes", "must be 0 or more, was " + maxEpilogueBytes);
    }
  }

  /** 8 KB of headers per part, 16 parts, 1 KB of preamble and of epilogue: ample for a tip. */
  public static MultipartLimits defaults() {
    return new MultipartLimits(8 * 1024, 16, 1024, 1024);
  }
}
