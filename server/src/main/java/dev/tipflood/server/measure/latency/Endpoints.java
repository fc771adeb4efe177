package dev.tipflood.server.measure.latency;

import java.util.regex.Pattern;

/** Names the public endpoints for the latency tags; everything unknown is {@code other}. */
public final class Endpoints {

  public static final String TIPS_POST = "tips.post";
  public static final String TIPS_GET = "tips.get";
  /** A deferred tip's media upload, {@code POST /api/v1/tips/{id}/media}. */
  public static final String TIP_MEDIA_POST = "tips.media.post";
  public static final String OTHER = "other";

  private static final Pattern TIP = Pattern.compile("/api/v1/tips/[^/]+/?");
  private static final Pattern TIP_MEDIA = Pattern.compile("/api/v1/tips/[^/]+/media/?");

  private Endpoints() {}

  public static String classify(String method, String path) {
    String p = path == null ? "" : path;
    if ("POST".equals(method) && (p.equals("/api/v1/tips") || p.equals("/api/v1/tips/"))) {
      return TIPS_POST;
    }
    if ("POST".equals(method) && TIP_MEDIA.matcher(p).matches()) {
      return TIP_MEDIA_POST;
    }
    if ("GET".equals(method) && TIP.matcher(p).matches()) {
      return TIPS_GET;
    }
    return OTHER;
  }
}
