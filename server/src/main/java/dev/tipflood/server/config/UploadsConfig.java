package dev.tipflood.server.config;

/**
 * How upload bodies are received.
 *
 * @param bufferUploadsInMemory when true, every media part is held whole in heap until the
 *     request ends, as the naive 2020 service did. Never a default: only a profile that says so
 *     explicitly gets it.
 */
public record UploadsConfig(Boolean bufferUploadsInMemory) {
  public UploadsConfig {
    bufferUploadsInMemory = bufferUploadsInMemory != null && bufferUploadsInMemory;
  }

  public static UploadsConfig defaults() {
    return new UploadsConfig(false);
  }

  public boolean buffered() {
    return bufferUploadsInMemory;
  }
}
