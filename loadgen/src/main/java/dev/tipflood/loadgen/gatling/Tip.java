package dev.tipflood.loadgen.gatling;

import dev.tipflood.loadgen.plan.MediaFile;
import io.gatling.javaapi.core.Session;
import java.util.List;

/**
 * One virtual user's tip: what its requests send (fixed when the user takes it, see
 * {@link TipFeeders}) and where its retry loop stands. It lives in the session as one attribute
 * ({@link SessionKeys#TIP}) instead of a dozen: every attribute set copies Gatling's immutable
 * session and its attribute map, and that was most of the load generator's own cost per request.
 *
 * <p>Mutable, but only ever touched by its own user's actions, which Gatling runs one at a time
 * on the user's event loop; no other user sees it.
 */
final class Tip {
  final long seq;
  /** Where Gatling starts the user, in µs from the start of the injection. */
  final long offsetMicros;
  /** When the tip arrives (is sent) on the same scale: the schedule's arrival plus the lead. */
  final long arrivalMicros;
  final String sourceIp;
  final String metadata;
  final List<MediaFile> media;
  final long bodyBytes;
  private final String seqText;

  /** The attempt about to be sent or just answered, from 1. */
  int attempt = 1;
  /** Whether the retry loop goes round again. */
  boolean again = true;
  /** How long to wait before the next attempt. */
  long backoffMillis;
  /** When a retry is intended: right after its backoff (nanoTime). */
  long intendedNanos;
  long sendNanos;
  long firstSendNanos;

  Tip(long seq, long offsetMicros, long arrivalMicros, String sourceIp, String metadata, List<MediaFile> media) {
    this.seq = seq;
    this.offsetMicros = offsetMicros;
    this.arrivalMicros = arrivalMicros;
    this.sourceIp = sourceIp;
    this.metadata = metadata;
    this.media = media;
    long bytes = 0;
    for (MediaFile f : media) {
      bytes += f.bytes();
    }
    this.bodyBytes = bytes;
    this.seqText = Long.toString(seq);
  }

  /** The tip of the session's user. */
  static Tip of(Session session) {
    return session.get(SessionKeys.TIP);
  }

  /** {@link #seq} as sent in {@code X-Tipflood-Seq}. */
  String seqText() {
    return seqText;
  }

  MediaFile media(int i) {
    return media.get(i);
  }
}
