package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.units.ByteSize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and SHA-256-hashes one part's bytes as they stream, enforcing the part's size cap. */
final class PartDigest {
  private final MessageDigest sha256;
  private final ByteSize cap;
  private long size;

  PartDigest(ByteSize cap) {
    this.cap = cap;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Accounts for {@code chunk}; throws {@code media_too_large} once the cap is passed. */
  void update(Buffer chunk) {
    size += chunk.length();
    if (cap.isExceededBy(size)) {
      throw ApiException.of(ErrorCode.MEDIA_TOO_LARGE, "a media part exceeds the limit of " + cap);
    }
    // Hash the Netty buffer's own memory: no copy per chunk, so a large upload makes no garbage.
    sha256.update(((BufferInternal) chunk).getByteBuf().nioBuffer());
  }

  long size() {
    return size;
  }

  String hex() {
    return HexFormat.of().formatHex(sha256.digest());
  }
}
