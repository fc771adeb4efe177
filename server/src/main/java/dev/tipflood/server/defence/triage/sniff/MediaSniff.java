package dev.tipflood.server.defence.triage.sniff;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.MediaPart;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Triage's first look at a media part, on its first bytes, before any is stored: Tika's magic
 * bytes must name a format the service takes ({@code 415 media_type_unsupported}) and the one the
 * client declared ({@code 415 media_type_mismatch}; {@code application/octet-stream} declares
 * nothing). It then attaches the format's structure walker (pixel and frame caps, declared sizes,
 * truncation) and a ZIP-tail check (polyglots) to the rest of the part's bytes. A zero-byte part
 * is {@code 400 media_empty}.
 *
 * <pre>{@code
 * Defence sniff = new MediaSniff(new MediaCaps(100_000_000, 1000, 216_000, 512L << 20));
 * MediaPart part = attempt.startPart("image/png", "a.png");
 * part.head(firstBytes);
 * Decision d = sniff.decide(Point.MEDIA_HEAD, attempt);   // then feed part.scanners() every chunk
 * }</pre>
 */
public final class MediaSniff implements Defence {
  private static final String OCTET_STREAM = "application/octet-stream";
  private final MediaCaps caps;

  public MediaSniff(MediaCaps caps) {
    this.caps = caps;
  }

  @Override
  public Set<Point> points() {
    return EnumSet.of(Point.MEDIA_HEAD);
  }

  @Override
  public Decision decide(Point point, Attempt attempt, long bytes) {
    MediaPart part = attempt.part();
    if (point != Point.MEDIA_HEAD || part == null) {
      return Decision.admit();
    }
    if (part.head().length == 0) {
      return Decision.reject(Reason.MEDIA_EMPTY, 0, "media part '" + part.filename() + "' has no bytes");
    }
    String sniffed = TikaSniffer.sniff(part.head());
    part.sniffedType(sniffed);
    MediaFamily family = MediaFamily.of(sniffed);
    if (family == null) {
      return Decision.reject(Reason.MEDIA_TYPE_UNSUPPORTED, 0, "media part '" + part.filename() + "' is "
          + sniffed + " by its bytes; the service takes JPEG, PNG, GIF, AVI and MP4/QuickTime");
    }
    String declared = part.declaredType();
    if (!isOctetStream(declared) && MediaFamily.of(declared) != family) {
      return Decision.reject(Reason.MEDIA_TYPE_MISMATCH, 0, "media part '" + part.filename() + "' is declared "
          + declared + " but its bytes are " + family.mimeType());
    }
    part.watch(family.walker(caps));
    part.watch(new ZipTail());
    return Decision.admit();
  }

  private static boolean isOctetStream(String type) {
    return type.toLowerCase(java.util.Locale.ROOT).startsWith(OCTET_STREAM);
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("maxPixels", caps.maxPixels(), "maxGifFrames", caps.maxGifFrames(),
        "maxVideoFrames", caps.maxVideoFrames(), "maxDeclaredBytes", caps.maxDeclaredBytes());
  }
}
