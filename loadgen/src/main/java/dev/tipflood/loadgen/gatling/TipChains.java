package dev.tipflood.loadgen.gatling;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;

import dev.tipflood.loadgen.client.Outcome;
import dev.tipflood.loadgen.measure.AckedTipLog;
import dev.tipflood.loadgen.client.RetryDecider;
import dev.tipflood.loadgen.measure.ClassKey;
import dev.tipflood.loadgen.measure.ProgressCounters;
import dev.tipflood.loadgen.measure.SendTiming;
import dev.tipflood.loadgen.plan.PopulationPlan;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One tip per virtual user: take its record, wait for the arrival time, then attempt / record / maybe back
 * off and retry. Every attempt is recorded after it ends, whatever its outcome, so timeouts and
 * connection errors are measured too. Request names in the interval logs: {@code submit-tip}
 * (first attempt), {@code submit-tip-retry} (any retry) and {@code tip} (the tip end to end, from
 * its intended send to its last attempt's end, with that attempt's outcome).
 *
 * <p>A population that never retries gets the short chain (send, record), without the retry
 * loop's actions and session attributes: it is most of the load generator's own cost per request.
 */
final class TipChains {
  static final String FIRST = "submit-tip";
  static final String RETRY = "submit-tip-retry";
  static final String TIP = "tip";

  private TipChains() {
  }

  /** What the chain's steps of one population share, looked up once instead of per request. */
  record Pop(ClientRuntime rt, PopulationPlan plan, ProgressCounters counters, RetryDecider decider,
             boolean retries, boolean hasMedia) {
    String name() {
      return plan.name();
    }
  }

  static ChainBuilder tip(ClientRuntime rt, PopulationPlan p, int index) {
    Pop pop = new Pop(rt, p, rt.progress.get(p.name()), rt.deciders.get(p.name()),
        p.client().retry().maxRetries() > 0, p.maxMediaPerTip() > 0);
    Iterator<Map<String, Object>> tips = TipFeeders.tips(p, index, rt.plan.seed(), pop.retries(), Clock.systemUTC());
    // Not Gatling's feed(): that sends every user to a feeder actor on another thread and back to
    // its event loop, two thread hand-offs per tip. The iterator is synchronized and cheap, so
    // each user takes its record on its own event loop.
    ChainBuilder arrive = exec(session -> started(rt, session.setAll(tips.next())))
        // Gatling places users evenly within a second; each waits for its own arrival time.
        .pause(session -> untilArrival(rt, session));
    if (!pop.retries()) {
      ChainBuilder once = arrive.exec(session -> beforeSend(pop, session)).exec(upload(pop)).exec(session -> afterResponse(pop, session));
      return pop.hasMedia() ? once.exec(DeferredMediaChain.after(pop)) : once;
    }
    ChainBuilder tries = arrive.asLongAs(session -> session.getBoolean(SessionKeys.AGAIN)).on(
        doIf(session -> session.getLong(SessionKeys.BACKOFF_MILLIS) > 0).then(
            pause(session -> Duration.ofMillis(session.getLong(SessionKeys.BACKOFF_MILLIS)))),
        exec(session -> beforeSend(pop, session)),
        upload(pop),
        exec(session -> afterResponse(pop, session)));
    // A 202 deferred tip's media follow later; a text-only tip is never deferred.
    return pop.hasMedia() ? tries.exec(DeferredMediaChain.after(pop)) : tries;
  }

  private static ChainBuilder upload(Pop pop) {
    PopulationPlan p = pop.plan();
    Duration timeout = Duration.ofMillis(p.client().timeoutMillis());
    if (!pop.hasMedia()) {
      // Gatling's doSwitch needs two cases: a text-only population has one request shape.
      return exec(TipRequests.submitTip(p, 0, timeout, pop.retries()));
    }
    List<Choice.WithKey> uploads = new ArrayList<>();
    for (int n = 0; n <= p.maxMediaPerTip(); n++) {
      uploads.add(onCase(n).then(exec(TipRequests.submitTip(p, n, timeout, pop.retries()))));
    }
    return doSwitch("#{" + SessionKeys.MEDIA_COUNT + "}").on(uploads);
  }

  /** Gatling started the user: that fixes the schedule's origin (see {@link ClientRuntime#arrived}). */
  static Session started(ClientRuntime rt, Session s) {
    rt.arrived(s.getLong(SessionKeys.OFFSET_MICROS));
    return s;
  }

  /** How long until the tip's arrival time, in whole ms rounded up; zero if Gatling started the user late. */
  static Duration untilArrival(ClientRuntime rt, Session s) {
    return SendTiming.waitUntil(rt.intendedNanos(s.getLong(SessionKeys.ARRIVAL_MICROS)), rt.nanoTime());
  }

  static Session beforeSend(Pop pop, Session s) {
    long now = pop.rt().nanoTime();
    pop.counters().requestSent(pop.hasMedia() ? s.getLong(SessionKeys.BODY_BYTES) : 0);
    if (!pop.retries()) {
      pop.counters().tipStarted();
      return s.set(SessionKeys.SEND_NANOS, now);
    }
    int attempt = s.getInt(SessionKeys.ATTEMPT);
    Session out = s.remove(SessionKeys.STATUS).remove(SessionKeys.RETRY_AFTER).remove(SessionKeys.TIP_ID)
        .set(SessionKeys.SEND_NANOS, now)
        .set(SessionKeys.REQUEST_NAME, pop.name() + " " + (attempt == 1 ? FIRST : RETRY));
    if (attempt == 1) {
      pop.counters().tipStarted();
      return out.set(SessionKeys.FIRST_SEND_NANOS, now);
    }
    return out;
  }

  static List<String> mediaSent(Pop pop, Session s) {
    if (!pop.hasMedia()) {
      return List.of();
    }
    int n = s.getInt(SessionKeys.MEDIA_COUNT);
    List<String> paths = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      paths.add(s.getString(SessionKeys.mediaPath(i)));
    }
    return paths;
  }

  static Session afterResponse(Pop pop, Session s) {
    ClientRuntime rt = pop.rt();
    long end = rt.nanoTime();
    int attempt = pop.retries() ? s.getInt(SessionKeys.ATTEMPT) : 1;
    long tipIntended = rt.intendedNanos(s.getLong(SessionKeys.ARRIVAL_MICROS));
    // The first attempt is intended by the schedule, a retry right after its backoff.
    long intended = attempt == 1 ? tipIntended : s.getLong(SessionKeys.INTENDED_NANOS);
    long sent = s.getLong(SessionKeys.SEND_NANOS);
    SendTiming request = SendTiming.of(intended, sent, end);
    Integer status = s.contains(SessionKeys.STATUS) ? s.getInt(SessionKeys.STATUS) : null;
    Outcome outcome = Outcome.classify(status, request.rawMicros(), pop.plan().client().timeoutMillis());
    String label = outcome.label();
    rt.recorder.record(new ClassKey(pop.name(), attempt == 1 ? FIRST : RETRY, label),
        request.correctedMicros(), request.rawMicros());
    if (request.early()) {
      pop.counters().sentEarly(request.earlyMicros());
    }
    rt.sendLag.record(request.lateMicros());
    pop.counters().completed(outcome);
    if (status != null && status == 201 && s.contains(SessionKeys.TIP_ID)) {
      rt.acknowledged(new AckedTipLog.Entry(s.getString(SessionKeys.TIP_ID), pop.name(),
          Long.parseLong(String.valueOf((Object) s.get(SessionKeys.SEQ))), attempt, mediaSent(pop, s)));
    }

    if (pop.retries()) {
      String retryAfter = s.contains(SessionKeys.RETRY_AFTER) ? s.getString(SessionKeys.RETRY_AFTER) : null;
      Optional<Duration> wait = pop.decider().next(outcome, attempt, retryAfter, ThreadLocalRandom.current());
      if (wait.isPresent()) {
        long backoff = wait.get().toMillis();
        return s.set(SessionKeys.ATTEMPT, attempt + 1)
            .set(SessionKeys.BACKOFF_MILLIS, backoff)
            .set(SessionKeys.INTENDED_NANOS, end + backoff * 1_000_000L);
      }
    }
    long firstSent = pop.retries() ? s.getLong(SessionKeys.FIRST_SEND_NANOS) : sent;
    SendTiming tip = attempt == 1 ? request : SendTiming.of(tipIntended, firstSent, end);
    rt.recorder.record(new ClassKey(pop.name(), TIP, label), tip.correctedMicros(), tip.rawMicros());
    return pop.retries() ? s.set(SessionKeys.AGAIN, false) : s;
  }
}
