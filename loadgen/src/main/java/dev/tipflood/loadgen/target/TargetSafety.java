package dev.tipflood.loadgen.target;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Load goes only to this machine unless the user says they own the target. Loopback means
 * {@code localhost}, an address in 127.0.0.0/8, or {@code ::1}; host names other than
 * {@code localhost} are not resolved, so a DNS answer cannot turn a refusal into a permission.
 */
public final class TargetSafety {
  private TargetSafety() {
  }

  /** Whether the URL's host is loopback. */
  public static boolean isLoopback(URI target) {
    String host = target.getHost();
    if (host == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.equals("localhost")) {
      return true;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (!isIpLiteral(host)) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Only digits and dots (IPv4) or hex and colons (IPv6): getByName then does no lookup. */
  static boolean isIpLiteral(String host) {
    return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.matches("[0-9a-f:.]*:[0-9a-f:.]*");
  }

  /** Why a target is refused, or null when it may be used. */
  public static String refusal(URI target, boolean ownerConfirmed) {
    if (target.getScheme() == null || !(target.getScheme().equals("http") || target.getScheme().equals("https"))
        || target.getHost() == null) {
      return "target " + target + " is not an absolute http(s) URL such as http://127.0.0.1:8080";
    }
    if (isLoopback(target) || ownerConfirmed) {
      return null;
    }
    return "target " + target + " is not on this machine (localhost, 127.0.0.0/8 or ::1). tipflood floods; "
        + "it refuses other hosts unless you pass --i-own-this-target to confirm that you own the target and "
        + "are allowed to load it";
  }

  /**
   * Parses and checks a target.
   *
   * @throws TargetRefusedException when it is not an http(s) URL, or not loopback and not confirmed
   */
  public static URI check(String target, boolean ownerConfirmed) {
    URI uri;
    try {
      uri = new URI(target);
    } catch (java.net.URISyntaxException e) {
      throw new TargetRefusedException("target " + target + " is not an absolute http(s) URL such as "
          + "http://127.0.0.1:8080 (" + e.getMessage() + ")");
    }
    String refusal = refusal(uri, ownerConfirmed);
    if (refusal != null) {
      throw new TargetRefusedException(refusal);
    }
    return uri;
  }

  /** The loud banner printed when a non-loopback target is used. */
  public static String warning(URI target) {
    String line = "!".repeat(78);
    return line + "\n!! tipflood is about to FLOOD " + target + "\n!! which is NOT this machine. You said you own it"
        + " (--i-own-this-target).\n!! Stop now with Ctrl-C if that is not true.\n" + line;
  }
}
