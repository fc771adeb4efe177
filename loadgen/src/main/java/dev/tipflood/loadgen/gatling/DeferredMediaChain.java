package dev.tipflood.loadgen.gatling;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.RawFileBodyPart;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.tipflood.loadgen.client.DeferredUpload;
import dev.tipflood.loadgen.client.Outcome;
import dev.tipflood.loadgen.client.UserStartSchedule;
import dev.tipflood.loadgen.measure.AckedTipLog;
import dev.tipflood.loadgen.measure.ClassKey;
import dev.tipflood.loadgen.measure.SendTiming;
import dev.tipflood.loadgen.plan.PopulationPlan;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The later media upload of a tip the server deferred ({@code 202 deferred}, its brownout): the
 * user waits for the slot the server named, then sends the same media files to
 * {@code POST /api/v1/tips/{id}/media}, again after each 425/503 as {@link DeferredUpload} says.
 * Each upload is recorded under its own request name, {@code submit-media}, never as an attempt
 * of the tip (the tip's {@code tip} line, with its 202, is already written); a {@code 201} adds
 * the tip to {@code client/acked-tips.tsv}. Only a user whose tip got a 202 enters it.
 */
final class DeferredMediaChain {
  static final String SUBMIT_MEDIA = "submit-media";

  private static final String AGAIN = "tf_mediaAgain";
  private static final String WAIT_MILLIS = "tf_mediaWaitMillis";
  private static final String ATTEMPT = "tf_mediaAttempt";
  private static final String INTENDED_NANOS = "tf_mediaIntendedNanos";
  private static final String SEND_NANOS = "tf_mediaSendNanos";
  private static final String STATUS = "tf_mediaStatus";
  private static final String RETRY_AFTER = "tf_mediaRetryAfter";

  private DeferredMediaChain() {
  }

  /** The upload loop, entered only after a 202 with a tip id; {@code pop} has media. */
  static ChainBuilder after(TipChains.Pop pop) {
    long lastSendMicros = lastSendMicros(pop);
    return doIf(DeferredMediaChain::deferred).then(
        exec(s -> pop.rt().book(s, x -> planFirst(pop, policy(pop, lastSendMicros), x)))
            .asLongAs(s -> s.getBoolean(AGAIN)).on(
                pause(s -> Duration.ofMillis(s.getLong(WAIT_MILLIS))),
                exec(s -> s.remove(STATUS).remove(RETRY_AFTER).set(SEND_NANOS, pop.rt().nanoTime())),
                upload(pop),
                exec(s -> pop.rt().book(s, x -> afterUpload(pop, policy(pop, lastSendMicros), x)))));
  }

  static boolean deferred(Session s) {
    Tip tip = Tip.of(s);
    return tip.status == 202 && !tip.media.isEmpty() && TipRequests.tipId(tip.location) != null;
  }

  /**
   * The last time an upload may start, from the schedule's origin: Gatling's hard stop (lead, schedule, drain) less the time
   * its answer may take, the request timeout but at most half the drain, so that an upload is not
   * cut off unanswered (it would be counted nowhere).
   */
  private static long lastSendMicros(TipChains.Pop pop) {
    long grace = pop.rt().plan.graceSeconds() * 1_000_000L;
    long stopMicros = UserStartSchedule.LEAD_MICROS + pop.rt().plan.durationSeconds() * 1_000_000L + grace;
    long answerMicros = Math.min(pop.plan().client().timeoutMillis() * 1000L, grace / 2);
    return stopMicros - answerMicros;
  }

  /** The schedule's origin is known once users have started, so the last send time is placed then. */
  private static DeferredUpload policy(TipChains.Pop pop, long lastSendMicros) {
    return new DeferredUpload(pop.rt().intendedNanos(lastSendMicros));
  }

  private static Session planFirst(TipChains.Pop pop, DeferredUpload policy, Session s) {
    long now = pop.rt().nanoTime();
    return schedule(pop, s.set(ATTEMPT, 1), policy.first(Tip.of(s).retryAfter, now), now);
  }

  private static Session schedule(TipChains.Pop pop, Session s, Optional<Duration> wait, long now) {
    if (wait.isEmpty()) {
      // No (more) upload: the 202 acknowledged the text alone, and verify checks that much.
      Tip tip = Tip.of(s);
      pop.rt().acknowledged(new AckedTipLog.Entry(TipRequests.tipId(tip.location), pop.name(), tip.seq, tip.attempt,
          TipChains.mediaSent(tip), true));
      return s.set(AGAIN, false);
    }
    long millis = wait.get().toMillis();
    return s.set(AGAIN, true).set(WAIT_MILLIS, millis).set(INTENDED_NANOS, now + millis * 1_000_000L);
  }

  private static Session afterUpload(TipChains.Pop pop, DeferredUpload policy, Session s) {
    ClientRuntime rt = pop.rt();
    long end = rt.nanoTime();
    SendTiming request = SendTiming.of(s.getLong(INTENDED_NANOS), s.getLong(SEND_NANOS), end);
    Integer status = s.contains(STATUS) ? s.getInt(STATUS) : null;
    Outcome outcome = Outcome.classify(status, request.rawMicros(), pop.plan().client().timeoutMillis());
    rt.recorder.record(new ClassKey(pop.name(), SUBMIT_MEDIA, outcome.label()), request.correctedMicros(),
        request.rawMicros());
    if (status != null && status == 201) {
      Tip tip = Tip.of(s);
      rt.acknowledged(new AckedTipLog.Entry(TipRequests.tipId(tip.location), pop.name(), tip.seq, tip.attempt,
          TipChains.mediaSent(tip)));
      return s.set(AGAIN, false);
    }
    int attempt = s.getInt(ATTEMPT);
    String retryAfter = s.contains(RETRY_AFTER) ? s.getString(RETRY_AFTER) : null;
    return schedule(pop, s.set(ATTEMPT, attempt + 1), policy.next(outcome, attempt, retryAfter, end), end);
  }

  private static ChainBuilder upload(TipChains.Pop pop) {
    PopulationPlan p = pop.plan();
    Duration timeout = Duration.ofMillis(p.client().timeoutMillis());
    List<Choice.WithKey> uploads = new ArrayList<>();
    for (int n = 1; n <= p.maxMediaPerTip(); n++) {
      uploads.add(onCase(n).then(exec(media(p, n, timeout))));
    }
    if (uploads.size() == 1) {
      return exec(media(p, 1, timeout));
    }
    return doSwitch(s -> Tip.of(s).media.size()).on(uploads);
  }

  /** The media upload: the same files, types and names as the tip's first request, and its truth headers. */
  static HttpRequestActionBuilder media(PopulationPlan p, int mediaCount, Duration timeout) {
    HttpRequestActionBuilder request = http(p.name() + " " + SUBMIT_MEDIA)
        .post(s -> TipRequests.SUBMIT_PATH + "/" + TipRequests.tipId(Tip.of(s).location) + "/media")
        .header("X-Tipflood-Truth", p.truth())
        .header("X-Tipflood-Population", p.name())
        .header("X-Tipflood-Seq", s -> Tip.of(s).seqText())
        .header("X-Tipflood-Attempt", "#{" + ATTEMPT + "}")
        .header("X-Forwarded-For", s -> Tip.of(s).sourceIp)
        .asMultipartForm();
    for (int i = 0; i < mediaCount; i++) {
      int part = i;
      request = request.bodyPart(RawFileBodyPart("media", s -> Tip.of(s).media(part).path())
          .contentType(s -> Tip.of(s).media(part).contentType())
          .fileName(s -> Tip.of(s).media(part).fileName()));
    }
    return request.requestTimeout(timeout)
        .check(status().saveAs(STATUS), status().is(201), header("Retry-After").optional().saveAs(RETRY_AFTER));
  }
}
