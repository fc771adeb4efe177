package dev.tipflood.server.api.upload;

import java.time.Clock;

/**
 * Measures how slow a request body is through the client's fault alone: the time with no bytes
 * arriving while the server was reading. While the server itself holds the request paused
 * (storage bandwidth throttling, a full disk write queue, a temp file still being opened) the
 * client cannot send, so that time is not counted; the clock resumes where it stopped once the
 * server reads again. Holds nest. Confined to the request's event loop.
 */
final class SlowBodyClock {
  private final Clock clock;
  private long idleBeforeHoldMillis;
  private long countingSinceMillis;
  private int holds;

  SlowBodyClock(Clock clock) {
    this.clock = clock;
    this.countingSinceMillis = clock.millis();
  }

  /** Bytes arrived: the client is not idle. */
  void progress() {
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
