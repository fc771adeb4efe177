package dev.tipflood.loadgen.gatling;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;

import dev.tipflood.loadgen.client.Outcome;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One tip per virtual user: feed, then attempt / record / maybe back off and retry.
 * Every attempt is recorded after it ends, whatever its outcome, so timeouts and connection
 * errors are measured too. Request names in the interval logs: {@code submit-tip} (first
 * attempt), {@code submit-tip-retry} (any retry) and {@code tip} (the tip end to end, from its
 * intended send to its last attempt's end, with that attempt's outcome).
 */
final class TipChains {
  static final String FIRST = "submit-tip";
  static final String RETRY = "submit-tip-retry";
  static final String TIP = "tip";

  private TipChains() {
  }

  static ChainBuilder tip(ClientRuntime rt, PopulationPlan p, int index) {
    Duration timeout = Duration.ofMillis(p.client().timeoutMillis());
    ChainBuilder upload;
    if (p.maxMediaPerTip() == 0) {
      // Gatling's doSwitch needs two cases: a text-only population has one request shape.
      upload = exec(TipRequests.submitTip(0, timeout));
    } else {
      List<Choice.WithKey> uploads = new ArrayList<>();
      for (int n = 0; n <= p.maxMediaPerTip(); n++) {
        uploads.add(onCase(n).then(exec(TipRequests.submitTip(n, timeout))));
      }
      upload = doSwitch("#{" + SessionKeys.MEDIA_COUNT + "}").on(uploads);
    }
    return feed(TipFeeders.tips(p, index, rt.plan.seed(), Clock.systemUTC()))
        .exec(session -> started(rt, session))
        // Gatling places users evenly within a second; each waits for its own arrival time.
        .pause(session -> untilArrival(rt, session))
        .exec(session -> begin(rt, session))
        .asLongAs(session -> session.getBoolean(SessionKeys.AGAIN)).on(
            doIf(session -> session.getLong(SessionKeys.BACKOFF_MILLIS) > 0).then(
                pause(session -> Duration.ofMillis(session.getLong(SessionKeys.BACKOFF_MILLIS)))),
            exec(session -> beforeSend(rt, session)),
            upload,
            exec(session -> afterResponse(rt, session)));
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

  static Session begin(ClientRuntime rt, Session s) {
    rt.progress.get(s.getString(SessionKeys.POPULATION)).tipStarted();
    return s.set(SessionKeys.ATTEMPT, 1)
        .set(SessionKeys.AGAIN, true)
        .set(SessionKeys.BACKOFF_MILLIS, 0L);
  }

  static Session beforeSend(ClientRuntime rt, Session s) {
    long now = rt.nanoTime();
    int attempt = s.getInt(SessionKeys.ATTEMPT);
    String pop = s.getString(SessionKeys.POPULATION);
    rt.progress.get(pop).requestSent(s.getLong(SessionKeys.BODY_BYTES));
    Session out = s.remove(SessionKeys.STATUS).remove(SessionKeys.RETRY_AFTER)
        .set(SessionKeys.SEND_NANOS, now)
        .set(SessionKeys.REQUEST_NAME, pop + " " + (attempt == 1 ? FIRST : RETRY));
    return attempt == 1 ? out.set(SessionKeys.FIRST_SEND_NANOS, now) : out;
  }

  static Session afterResponse(ClientRuntime rt, Session s) {
    long end = rt.nanoTime();
    String pop = s.getString(SessionKeys.POPULATION);
    PopulationPlan p = rt.populations.get(pop);
    int attempt = s.getInt(SessionKeys.ATTEMPT);
    long tipIntended = rt.intendedNanos(s.getLong(SessionKeys.ARRIVAL_MICROS));
    // The first attempt is intended by the schedule, a retry right after its backoff.
    long intended = attempt == 1 ? tipIntended : s.getLong(SessionKeys.INTENDED_NANOS);
    SendTiming request = SendTiming.of(intended, s.getLong(SessionKeys.SEND_NANOS), end);
    Integer status = s.contains(SessionKeys.STATUS) ? s.getInt(SessionKeys.STATUS) : null;
    Outcome outcome = Outcome.classify(status, request.rawMicros(), p.client().timeoutMillis());
    rt.recorder.record(new ClassKey(pop, attempt == 1 ? FIRST : RETRY, outcome.label()),
        request.correctedMicros(), request.rawMicros());
    ProgressCounters counters = rt.progress.get(pop);
    if (request.early()) {
      counters.sentEarly(request.earlyMicros());
    }
    rt.sendLag.record(request.lateMicros());
    counters.completed(outcome);

    String retryAfter = s.contains(SessionKeys.RETRY_AFTER) ? s.getString(SessionKeys.RETRY_AFTER) : null;
    Optional<Duration> wait = rt.deciders.get(pop).next(outcome, attempt, retryAfter, ThreadLocalRandom.current());
    if (wait.isPresent()) {
      long backoff = wait.get().toMillis();
      return s.set(SessionKeys.ATTEMPT, attempt + 1)
          .set(SessionKeys.BACKOFF_MILLIS, backoff)
          .set(SessionKeys.INTENDED_NANOS, end + backoff * 1_000_000L);
    }
    SendTiming tip = SendTiming.of(tipIntended, s.getLong(SessionKeys.FIRST_SEND_NANOS), end);
    rt.recorder.record(new ClassKey(pop, TIP, outcome.label()), tip.correctedMicros(), tip.rawMicros());
    return s.set(SessionKeys.AGAIN, false);
  }
}
