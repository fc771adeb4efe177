package dev.tipflood.server.defence.triage;

import dev.tipflood.server.defence.NanoClock;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What triage defences share beyond their own settings: the {@link ReviewerMemory} (fed by
 * verdicts, kept across re-tuning), an executor for CPU work that must not run on an event loop
 * (decoding and hashing a picture), and the pressure signal a brownout acts on.
 *
 * @param memory what reviewers taught triage
 * @param cpu runs decoding and hashing; a worker pool in the server, the caller's thread in a unit test
 * @param pressure the health and queue signals a brownout acts on
 * @param witnesses the witness groups shown to reviewers (kept across re-tuning, like the memory)
 */
public record TriageContext(ReviewerMemory memory, Executor cpu, Pressure pressure, WitnessRoster witnesses) {
  /** Grouped tips a roster remembers in the server. */
  public static final long WITNESS_TIPS = 200_000;

  public TriageContext {
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(pressure, "pressure");
    Objects.requireNonNull(witnesses, "witnesses");
  }

  public TriageContext(ReviewerMemory memory, Executor cpu, Pressure pressure) {
    this(memory, cpu, pressure, new WitnessRoster(WITNESS_TIPS));
  }

  /** A context of its own: a fresh memory, work on the caller's thread, never under pressure (validation, tests). */
  public static TriageContext standalone(NanoClock clock) {
    return new TriageContext(new ReviewerMemory(clock, ReviewerMemory.Limits.DEFAULT, Runnable::run,
        java.nio.file.Path::of), Runnable::run, Pressure.NONE, new WitnessRoster(1_000));
  }
}
