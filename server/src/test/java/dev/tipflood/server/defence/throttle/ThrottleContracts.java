package dev.tipflood.server.defence.throttle;

import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Nested;

/** {@link ThrottleContractTest} on every throttle and keying. */
class ThrottleContracts {

  abstract static class Bucket extends ThrottleContractTest {
    abstract ClientKey key();

    @Override
    Defence create(NanoClock clock) {
      return new TokenBucketThrottle(new TokenBucketThrottle.Settings(key(), 5, new Rate(1, Duration.ofSeconds(10)),
          maxKeys(), null), clock);
    }

    @Override
    int limit(Defence fresh) {
      return 5;
    }

    @Override
    Reason expectedReason() {
      return Reason.RATE_LIMITED;
    }

    @Override
    Long liveKeys(Defence d) {
      return ((TokenBucketThrottle) d).liveKeys();
    }
  }

  @Nested
  class PerDeviceBucket extends Bucket {
    @Override
    ClientKey key() {
      return ClientKey.DEVICE;
    }
  }

  @Nested
  class PerAddressBucket extends Bucket {
    @Override
    ClientKey key() {
      return ClientKey.ADDRESS;
    }
  }

  @Nested
  class PerDeviceAndAddressBucket extends Bucket {
    @Override
    ClientKey key() {
      return ClientKey.BOTH;
    }
  }

  @Nested
  class GlobalTipRate extends ThrottleContractTest {
    @Override
    Defence create(NanoClock clock) {
      return new GlobalRateThrottle(new GlobalRateThrottle.Settings(new Rate(50, Duration.ofSeconds(1)), 20, 0, 0),
          clock);
    }

    @Override
    int limit(Defence fresh) {
      return 20;
    }

    @Override
    Reason expectedReason() {
      return Reason.RATE_LIMITED;
    }
  }

  @Nested
  class GlobalByteRate extends ThrottleContractTest {
    @Override
    Defence create(NanoClock clock) {
      // 1000 tips/s never binds; 64KB/s with a 640KB burst does, at 64KB per tip.
      return new GlobalRateThrottle(new GlobalRateThrottle.Settings(new Rate(1000, Duration.ofSeconds(1)), 1000,
          64 * 1024, 640 * 1024), clock);
    }

    @Override
    long bytesPerRequest() {
      return 64 * 1024;
    }

    @Override
    int limit(Defence fresh) {
      return 10;
    }

    @Override
    Reason expectedReason() {
      return Reason.RATE_LIMITED;
    }
  }

  abstract static class Adaptive extends ThrottleContractTest {
    abstract AdaptiveConcurrencyThrottle.Algorithm algorithm();

    @Override
    Defence create(NanoClock clock) {
      return new AdaptiveConcurrencyThrottle(new AdaptiveConcurrencyThrottle.Settings(algorithm(), 8, 2, 64), clock);
    }

    @Override
    long serviceNanos() {
      return 200_000_000L;
    }

    @Override
    int limit(Defence fresh) {
      return ((AdaptiveConcurrencyThrottle) fresh).limit();
    }

    @Override
    Reason expectedReason() {
      return Reason.CONCURRENCY_LIMITED;
    }
  }

  @Nested
  class Gradient2 extends Adaptive {
    @Override
    AdaptiveConcurrencyThrottle.Algorithm algorithm() {
      return AdaptiveConcurrencyThrottle.Algorithm.GRADIENT2;
    }
  }

  @Nested
  class Vegas extends Adaptive {
    @Override
    AdaptiveConcurrencyThrottle.Algorithm algorithm() {
      return AdaptiveConcurrencyThrottle.Algorithm.VEGAS;
    }
  }

  @Nested
  class Aimd extends Adaptive {
    @Override
    AdaptiveConcurrencyThrottle.Algorithm algorithm() {
      return AdaptiveConcurrencyThrottle.Algorithm.AIMD;
    }
  }

  abstract static class Queue extends ThrottleContractTest {
    abstract QueueDeadlineThrottle.Mode mode();

    @Override
    Defence create(NanoClock clock) {
      return new QueueDeadlineThrottle(new QueueDeadlineThrottle.Settings(6, 0, Duration.ofSeconds(2), mode(), null,
          null), clock);
    }

    @Override
    long serviceNanos() {
      return 300_000_000L;
    }

    @Override
    int limit(Defence fresh) {
      return 6;
    }

    @Override
    Reason expectedReason() {
      return Reason.QUEUE_FULL;
    }
  }

  @Nested
  class QueueDeadline extends Queue {
    @Override
    QueueDeadlineThrottle.Mode mode() {
      return QueueDeadlineThrottle.Mode.DEADLINE;
    }
  }

  @Nested
  class QueueCodel extends Queue {
    @Override
    QueueDeadlineThrottle.Mode mode() {
      return QueueDeadlineThrottle.Mode.CODEL;
    }
  }

  abstract static class Uploads extends ThrottleContractTest {
    abstract ClientKey key();

    @Override
    Defence create(NanoClock clock) {
      return new ClientUploadCap(new ClientUploadCap.Settings(key(), 3), clock);
    }

    @Override
    long serviceNanos() {
      return 500_000_000L;
    }

    @Override
    int limit(Defence fresh) {
      return 3;
    }

    @Override
    Reason expectedReason() {
      return Reason.TOO_MANY_UPLOADS;
    }

    @Override
    Long liveKeys(Defence d) {
      return (long) ((ClientUploadCap) d).liveKeys();
    }
  }

  @Nested
  class UploadsPerAddress extends Uploads {
    @Override
    ClientKey key() {
      return ClientKey.ADDRESS;
    }
  }

  @Nested
  class UploadsPerDevice extends Uploads {
    @Override
    ClientKey key() {
      return ClientKey.DEVICE;
    }
  }

  @Nested
  class BandwidthPerClient extends ThrottleContractTest {
    @Override
    Defence create(NanoClock clock) {
      return new ClientBandwidthCap(new ClientBandwidthCap.Settings(ClientKey.ADDRESS, 256 * 1024, 512 * 1024, maxKeys(),
          null), clock);
    }

    @Override
    long bytesPerRequest() {
      return 64 * 1024;
    }

    @Override
    int limit(Defence fresh) {
      return 8;
    }

    @Override
    Reason expectedReason() {
      return Reason.BANDWIDTH;
    }

    @Override
    Long liveKeys(Defence d) {
      return ((ClientBandwidthCap) d).liveKeys();
    }
  }
}
