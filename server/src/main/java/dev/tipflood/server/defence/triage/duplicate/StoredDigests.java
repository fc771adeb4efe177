package dev.tipflood.server.defence.triage.duplicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The SHA-256 digests of media already stored, each with the first tip that stored it; bounded
 * (least recently used out), so a duplicate of media stored long ago may pass as new. Thread-safe.
 */
public final class StoredDigests {
  private final Cache<String, String> firstTip;

  public StoredDigests(long maxDigests) {
    this.firstTip = Caffeine.newBuilder().maximumSize(maxDigests).executor(Runnable::run).build();
  }

  /** The first tip that stored media with this digest, or null. */
  public String firstTipOf(String sha256) {
    return firstTip.getIfPresent(sha256);
  }

  /** Records a stored digest, unless an earlier tip already holds it. */
  public void stored(String sha256, String tipId) {
    firstTip.asMap().putIfAbsent(sha256, tipId);
  }

  public long size() {
    return firstTip.estimatedSize();
  }
}
