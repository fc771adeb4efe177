package dev.tipflood.server.defence.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client address a defence keys on: the first {@code X-Forwarded-For} hop, as behind a
 * load balancer (the load generator sends one per simulated phone, since loopback cannot bind
 * thousands of real addresses), else the peer's address.
 */
final class ClientAddress {
  private ClientAddress() {}

  static String of(HttpServerRequest request) {
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      int comma = forwarded.indexOf(',');
      return (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
    }
    SocketAddress peer = request.remoteAddress();
    return peer == null ? "unknown" : peer.hostAddress();
  }

  /** The Content-Length, or -1 when absent or not a number (the API answers that itself). */
  static long declaredBytes(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
