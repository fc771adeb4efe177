package dev.tipflood.server.defence.http;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.upload.PartGuard;
import dev.tipflood.server.api.upload.UploadGuard;
import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.defence.MediaPart;
import dev.tipflood.server.defence.Outcome;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Release;
import dev.tipflood.server.defence.TipFacts;
import dev.tipflood.server.defence.control.DefenceSet;
import dev.tipflood.server.model.storage.UploadGovernor;
import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One tip POST's dealings with the defences: what a defence may know of it, the decisions made
 * (logged for the measurement plane), and what admissions hold until it ends. Confined to the
 * request's event loop.
 */
final class RequestDefences implements UploadGuard.Body {
  static final String KEY = "tipflood.defence.request";

  private final DefenceSet set;
  private final Attempt attempt;
  private final DecisionLog log = new DecisionLog();
  private final List<Release> held = new ArrayList<>(4);
  private final Vertx vertx;
  private boolean finished;
  private boolean refusedByDefence;
  private long deferredNanos = -1;
  private final int lowScoreBelow;

  RequestDefences(DefenceSet set, Attempt attempt, Vertx vertx, int lowScoreBelow) {
    this.lowScoreBelow = lowScoreBelow;
    this.set = set;
    this.attempt = attempt;
    this.vertx = vertx;
  }

  Attempt attempt() {
    return attempt;
  }

  DecisionLog log() {
    return log;
  }

  void logged(String defence, Point point, Decision d) {
    DurableRanking.logged(log, defence, point, d);
  }

  /** Keeps an admission's release until the request ends; releases at once if it already has. */
  void hold(Release r) {
    if (r == Release.NONE) {
      return;
    }
    if (finished) {
      r.done(Outcome.IGNORED);
    } else {
      held.add(r);
    }
  }

  void refusedByDefence() {
    refusedByDefence = true;
  }

  /** The API error of a defence's refusal inside the body; the request then counts as refused. */
  ApiException refused(String defence, Decision.Reject r) {
    refusedByDefence();
    return DefenceResponses.refused(defence, r);
  }

  @Override
  public PartGuard onMediaPart(String declaredType, String filename) {
    if (set.at(Point.MEDIA_HEAD).length == 0 && set.at(Point.MEDIA_END).length == 0) {
      return PartGuard.NONE;
    }
    MediaPart part = attempt.startPart(declaredType, filename);
    return new MediaPartGuard(set, this, part, vertx.getOrCreateContext());
  }

  /** After durability: the defences there rank the tip ({@link DurableRanking}). */
  @Override
  public int onDurable(TipRecord tip) {
    DefenceSet.Slot[] slots = set.at(Point.DURABLE);
    return slots.length == 0 ? 0 : DurableRanking.rank(slots, attempt, tip, log, lowScoreBelow);
  }

  /** The request ended: every admission it holds is released, with how it ended. */
  void finish(Outcome outcome) {
    if (finished) {
      return;
    }
    finished = true;
    Outcome o = refusedByDefence ? Outcome.IGNORED : outcome;
    held.forEach(r -> r.done(o));
    held.clear();
  }

  /** How a response status ends an admission: durable, the server's failure, or the client's. */
  static Outcome outcomeOf(boolean sent, int status) {
    if (!sent) {
      return Outcome.IGNORED;
    }
    if (status == 201 || status == 202) {
      return Outcome.DURABLE;
    }
    return status >= 500 || status == 408 ? Outcome.DROPPED : Outcome.IGNORED;
  }

  @Override
  public ApiException onMetadata(String json) {
    DefenceSet.Slot[] slots = set.at(Point.METADATA);
    if (slots.length == 0) {
      return null;
    }
    attempt.metadataJson(json);
    attempt.deviceId(deviceIdOf(json));
    for (DefenceSet.Slot slot : slots) {
      Decision d = slot.defence().decide(Point.METADATA, attempt);
      logged(slot.name(), Point.METADATA, d);
      if (d instanceof Decision.Reject r) {
        refusedByDefence();
        return DefenceResponses.refused(slot.name(), r);
      }
      if (d instanceof Decision.Admit a) {
        hold(a.release());
      } else if (d instanceof Decision.Defer f) {
        deferredNanos = Math.max(deferredNanos, f.laterNanos());
      }
    }
    return null;
  }

  @Override
  public long mediaDeferredNanos() {
    return deferredNanos;
  }

  /**
   * The brownout deferring the media again is the defence's refusal of this upload, counted as
   * such (an adaptive limit does not read it as the server dropping work).
   */
  @Override
  public ApiException onDeferredMedia(String metadataJson) {
    ApiException refused = onMetadata(metadataJson);
    if (refused != null || deferredNanos < 0) {
      return refused;
    }
    refusedByDefence();
    long nanos = deferredNanos;
    deferredNanos = -1;
    return ApiException.retryLater(ErrorCode.MEDIA_STILL_DEFERRED, "the service is still under pressure "
        + "(brownout): the tip's media are not taken now; retry in " + Math.max(1, (nanos + 999_999_999) / 1_000_000_000)
        + "s", java.time.Duration.ofNanos(nanos));
  }

  /** The device id if the metadata is a JSON object with a text deviceId; else null (the API rejects it later). */
  private static String deviceIdOf(String json) {
    try {
      Object id = new JsonObject(json).getValue("deviceId");
      return id instanceof String s ? s : null;
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  @Override
  public UploadGovernor.Allowance wrap(UploadGovernor.Allowance allowance) {
    return set.at(Point.BODY).length == 0 ? allowance : new PacedAllowance(allowance, set, this, vertx);
  }
}
