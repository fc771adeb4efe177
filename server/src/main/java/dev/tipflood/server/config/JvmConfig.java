package dev.tipflood.server.config;

import static dev.tipflood.binding.InvalidFieldException.require;

import dev.tipflood.units.ByteSize;

/**
 * How the server's JVM is started. The CLI reads {@code heap} from {@code --print-profile} and
 * passes it as {@code -Xmx}, so a collapse of the naive profile is a real heap collapse.
 *
 * @param heap the maximum heap; at least 64MiB and never unlimited
 */
public record JvmConfig(ByteSize heap) {
  public static final ByteSize DEFAULT_HEAP = ByteSize.ofMebibytes(512);

  public JvmConfig {
    heap = heap == null ? DEFAULT_HEAP : heap;
    require(!heap.isUnlimited() && heap.bytes() >= ByteSize.ofMebibytes(64).bytes(),
        "heap", "must be between 64MiB and a finite size, got " + heap);
  }

  public static JvmConfig defaults() {
    return new JvmConfig(null);
  }
}
