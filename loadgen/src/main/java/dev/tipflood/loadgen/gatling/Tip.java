package dev.tipflood.loadgen.gatling;

import dev.tipflood.loadgen.plan.MediaFile;
import io.gatling.javaapi.core.Session;
import java.util.List;

/**
 * One virtual user's tip: what its requests send (fixed when the user takes it, see
 * {@link TipFeeders}), where its retry loop stands and what the last answer said. It lives in the
 * session as one attribute ({@link #KEY}) instead of a dozen: every attribute set copies
 * Gatling's immutable session and its attribute map.
 *
 * <p>Mutable, but only ever touched by its own user's actions and checks, which Gatling runs one
 * at a time on the user's event loop; no other user sees it.
 */
final class Tip {
  /** The session attribute that holds it. */
  static final String KEY = "tf_tip";
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
  /** The answer to the attempt in flight, as its checks read it: status 0 and nulls until then. */
  int status;
  String location;
  String retryAfter;

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

  /** Notes the status of the attempt's answer and gives it back (see {@link TipRequests}). */
  int answered(int status) {
    this.status = status;
    return status;
  }

  /** Clears the previous attempt's answer before the next one is sent. */
  void sending(long nowNanos) {
    sendNanos = nowNanos;
    status = 0;
    location = null;
    retryAfter = null;
  }

  /** The tip of the session's user. */
  static Tip of(Session session) {
    return session.get(KEY);
  }

  /** {@link #seq} as sent in {@code X-Tipflood-Seq}. */
  String seqText() {
    return seqText;
  }

  MediaFile media(int i) {
    return media.get(i);
  }
}
