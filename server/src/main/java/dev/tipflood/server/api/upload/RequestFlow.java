package dev.tipflood.server.api.upload;

/**
 * Pauses the request body while any part stream cannot take more data, and resumes it once none
 * holds it. Several parts may hold at once (a part still draining while the next one starts), so
 * this counts holders instead of toggling the request directly.
 */
final class RequestFlow {
  private final Runnable pause;
  private final Runnable resume;
  private int holders;

  /** @param pause pauses the request body ({@code request::pause}); {@code resume} resumes it */
  RequestFlow(Runnable pause, Runnable resume) {
    this.pause = pause;
    this.resume = resume;
  }

  void hold() {
    if (holders++ == 0) {
      pause.run();
    }
  }

  void release() {
    if (holders > 0 && --holders == 0) {
      resume.run();
    }
  }
}
