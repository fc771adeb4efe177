package dev.tipflood.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where the admin port may listen. By default only on loopback; any other interface must be asked
 * for ({@code --admin-host}) and then start-up warns, because the admin port's controls are then
 * reachable from the network behind the bearer token alone.
 */
public final class AdminExposure {
  /** The default admin interface. */
  public static final String LOOPBACK = "127.0.0.1";

  private AdminExposure() {}

  /** The warning to print for {@code host}; empty when it is a loopback address. */
  public static Optional<String> warning(String host) {
    if (isLoopback(host)) {
      return Optional.empty();
    }
    return Optional.of("the admin port is bound to " + host + ", not loopback: /metrics, /measure and the defence "
        + "controls are reachable from the network, protected only by the bearer token. Bind it to "
        + LOOPBACK + " unless a firewall or a private network guards it.");
  }

  /** True for a loopback literal or name ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}). */
  static boolean isLoopback(String host) {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
