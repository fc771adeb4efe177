package dev.tipflood.server.defence;

/**
 * A defence's answer, as a value: ordinary throttling is not an exception. The adapter turns it
 * into a response: {@link Reject} into 429/503 with Retry-After, {@link Hold} into a paused body,
 * {@link Defer} into {@code 202 deferred}, {@link Prioritise} into a review-queue priority.
 */
public sealed interface Decision
    permits Decision.Admit, Decision.Refusal, Decision.Queued, Decision.Defer, Decision.Prioritise {

  /** The counter label: {@code admit}, {@code reject}, {@code hold}, {@code queued}, {@code defer}, {@code priority}. */
  String label();

  static Admit admit() {
    return Admit.PLAIN;
  }

  /** Admitted, holding something the adapter gives back through {@code release} when the request ends. */
  static Admit admit(Release release) {
    return new Admit(release);
  }

  static Reject reject(Reason reason, long waitNanos, String detail) {
    return new Reject(reason, waitNanos, detail);
  }

  static Prioritise prioritise(int priority) {
    return new Prioritise(priority);
  }

  static Hold hold(Reason reason, long waitNanos) {
    return new Hold(reason, waitNanos);
  }

  /** A refusal that carries a reason and the real wait before the same request would pass. */
  sealed interface Refusal extends Decision permits Reject, Hold {
    Reason reason();

    long waitNanos();
  }

  /** Go on. */
  record Admit(Release release) implements Decision {
    static final Admit PLAIN = new Admit(Release.NONE);

    public Admit {
      java.util.Objects.requireNonNull(release, "release");
    }

    @Override
    public String label() {
      return "admit";
    }
  }

  /**
   * Refuse the request now; its body is not read into storage.
   *
   * @param waitNanos the real wait until the same request would be admitted (Retry-After)
   * @param detail one sentence for the client: which limit, and its value
   */
  record Reject(Reason reason, long waitNanos, String detail) implements Refusal {
    @Override
    public String label() {
      return "reject";
    }
  }

  /** Pause reading the body for {@code waitNanos} (bandwidth pacing); then go on. */
  record Hold(Reason reason, long waitNanos) implements Refusal {
    @Override
    public String label() {
      return "hold";
    }
  }

  /** The request waits in the defence's queue; {@code ticket} settles it later to admit or reject. */
  record Queued(Ticket ticket) implements Decision {
    @Override
    public String label() {
      return "queued";
    }
  }

  /** Accept the tip's text now ({@code 202 deferred}) and take its media later (brownout). */
  record Defer(long laterNanos) implements Decision {
    @Override
    public String label() {
      return "defer";
    }
  }

  /**
   * Admit, with this contribution to the tip's review priority (higher is reviewed sooner). The
   * adapter adds up the contributions of every defence at {@link Point#DURABLE} and hands the sum
   * to the review queue; a negative one is a down-rank (counted {@code priority.down}).
   */
  record Prioritise(int priority) implements Decision {
    @Override
    public String label() {
      return "priority";
    }
  }
}
