package dev.tipflood.server.api.upload;

import java.time.Clock;

/**
 * Measures how slow a request body is through the client's fault alone: the time with no bytes
 * arriving while the server was reading. While the server itself holds the request paused
 * (storage bandwidth throttling, a full disk write queue, a temp file still being opened) the
 * client cannot send, so that time is not counted; the clock resumes where it stopped once the
 * server reads again. Holds nest. Confined to the request's event loop.
 *
 * <p>Progress means at least {@code minBytes} since the last progress, not any byte: a client
 * trickling one byte a second (slowloris) would otherwise never be idle.
 */
final class SlowBodyClock {
  private final Clock clock;
  private final long minBytes;
  private long bytesSinceProgress;
  private long idleBeforeHoldMillis;
  private long countingSinceMillis;
  private int holds;

  SlowBodyClock(Clock clock) {
    this(clock, 1);
  }

  SlowBodyClock(Clock clock, long minBytes) {
    this.clock = clock;
    this.minBytes = minBytes;
    this.countingSinceMillis = clock.millis();
  }

  /** {@code n} body bytes arrived: progress once {@code minBytes} have since the last progress. */
  void received(long n) {
    bytesSinceProgress += n;
    if (bytesSinceProgress >= minBytes) {
      progress();
    }
  }

  /** The client is not idle (the body starts, or enough bytes arrived). */
  void progress() {
    bytesSinceProgress = 0;
    idleBeforeHoldMillis = 0;
    countingSinceMillis = clock.millis();
  }

  /** The server stopped reading the body; pair with {@link #serverReleases()}. */
  void serverHolds() {
    if (holds++ == 0) {
      idleBeforeHoldMillis += clock.millis() - countingSinceMillis;
    }
  }

  /** The server reads the body again. */
  void serverReleases() {
    if (holds > 0 && --holds == 0) {
      countingSinceMillis = clock.millis();
    }
  }

  /** How long the client has sent nothing while the server was reading. */
  long clientIdleMillis() {
    return holds > 0 ? idleBeforeHoldMillis : idleBeforeHoldMillis + clock.millis() - countingSinceMillis;
  }
}
