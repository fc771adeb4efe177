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
import dev.tipflood.loadgen.plan.MediaFile;
import dev.tipflood.loadgen.plan.PopulationPlan;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * loop's actions. What a user keeps is its {@link Tip}, one session attribute.
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
    Iterator<Tip> tips = TipFeeders.tips(p, index, rt.plan.seed(), Clock.systemUTC());
    // Not Gatling's feed(): that sends every user to a feeder actor on another thread and back to
    // its event loop, two thread hand-offs per tip. The iterator is synchronized and cheap, so
    // each user takes its tip on its own event loop.
    ChainBuilder arrive = exec(session -> started(rt, session.set(Tip.KEY, tips.next())))
        // Gatling places users evenly within a second; each waits for its own arrival time.
        .pause(session -> untilArrival(rt, Tip.of(session)));
    if (!pop.retries()) {
      ChainBuilder once = arrive.exec(session -> beforeSend(pop, session)).exec(upload(pop))
          .exec(session -> rt.book(session, x -> afterResponse(pop, x)));
      return pop.hasMedia() ? once.exec(DeferredMediaChain.after(pop)) : once;
    }
    ChainBuilder tries = arrive.asLongAs(session -> Tip.of(session).again && rt.open()).on(
        doIf(session -> Tip.of(session).backoffMillis > 0).then(
            pause(session -> Duration.ofMillis(Tip.of(session).backoffMillis))),
        exec(session -> beforeSend(pop, session)),
        upload(pop),
        exec(session -> rt.book(session, x -> afterResponse(pop, x))));
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
    return doSwitch(session -> Tip.of(session).media.size()).on(uploads);
  }

  /** Gatling started the user: that fixes the schedule's origin (see {@link ClientRuntime#arrived}). */
  static Session started(ClientRuntime rt, Session s) {
    rt.arrived(Tip.of(s).offsetMicros);
    return s;
  }

  /** How long until the tip's arrival time, in whole ms rounded up; zero if Gatling started the user late. */
  static Duration untilArrival(ClientRuntime rt, Tip tip) {
    return SendTiming.waitUntil(rt.intendedNanos(tip.arrivalMicros), rt.nanoTime());
  }

  static Session beforeSend(Pop pop, Session s) {
    long now = pop.rt().nanoTime();
    Tip tip = Tip.of(s);
    pop.counters().requestSent(tip.bodyBytes);
    tip.sending(now);
    if (tip.attempt == 1) {
      pop.counters().tipStarted();
      tip.firstSendNanos = now;
    }
    return s;
  }

  static List<String> mediaSent(Tip tip) {
    List<String> paths = new ArrayList<>(tip.media.size());
    for (MediaFile f : tip.media) {
      paths.add(f.path());
    }
    return paths;
  }

  static Session afterResponse(Pop pop, Session s) {
    ClientRuntime rt = pop.rt();
    long end = rt.nanoTime();
    Tip tip = Tip.of(s);
    int attempt = tip.attempt;
    long tipIntended = rt.intendedNanos(tip.arrivalMicros);
    // The first attempt is intended by the schedule, a retry right after its backoff.
    long intended = attempt == 1 ? tipIntended : tip.intendedNanos;
    SendTiming request = SendTiming.of(intended, tip.sendNanos, end);
    Integer status = tip.status == 0 ? null : tip.status;
    Outcome outcome = Outcome.classify(status, request.rawMicros(), pop.plan().client().timeoutMillis());
    String label = outcome.label();
    rt.recorder.record(new ClassKey(pop.name(), attempt == 1 ? FIRST : RETRY, label),
        request.correctedMicros(), request.rawMicros());
    if (request.early()) {
      pop.counters().sentEarly(request.earlyMicros());
    }
    rt.sendLag.record(request.lateMicros());
    pop.counters().completed(outcome);
    String id = tip.status == 201 ? TipRequests.tipId(tip.location) : null;
    if (id != null) {
      rt.acknowledged(new AckedTipLog.Entry(id, pop.name(), tip.seq, attempt, mediaSent(tip)));
    }

    if (pop.retries()) {
      Optional<Duration> wait = pop.decider().next(outcome, attempt, tip.retryAfter, ThreadLocalRandom.current());
      if (wait.isPresent()) {
        tip.attempt = attempt + 1;
        tip.backoffMillis = wait.get().toMillis();
        tip.intendedNanos = end + tip.backoffMillis * 1_000_000L;
        return s;
      }
      tip.again = false;
    }
    SendTiming whole = attempt == 1 ? request : SendTiming.of(tipIntended, tip.firstSendNanos, end);
    rt.recorder.record(new ClassKey(pop.name(), TIP, label), whole.correctedMicros(), whole.rawMicros());
    return s;
  }
}
