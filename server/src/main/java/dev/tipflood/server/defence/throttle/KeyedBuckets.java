package dev.tipflood.server.defence.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tipflood.server.defence.NanoClock;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.Function;

/**
 * One Bucket4j bucket per client key, in a Caffeine map bounded two ways: a key idle for
 * {@code idleAfter} is evicted (set to the full-refill time, eviction loses nothing: the bucket
 * would be full again anyway), and never more than {@code maxKeys} are held (least recently used
 * first), so rotating identities cannot grow memory. Eviction runs on the calling thread.
 */
final class KeyedBuckets {
  private final Cache<String, Bucket> buckets;
  private final Function<String, Bucket> factory;

  KeyedBuckets(long capacity, Rate refill, long maxKeys, Duration idleAfter, NanoClock clock) {
    TimeMeter meter = Buckets.meter(clock);
    this.factory = k -> Buckets.of(capacity, refill, meter);
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maxKeys)
        .expireAfterAccess(idleAfter)
        .ticker(clock::nanoTime)
        .executor(Runnable::run)
        .build();
  }

  Bucket get(String key) {
    return buckets.get(key, factory);
  }

  /** Keys held now (after pending evictions). */
  long size() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }
}
