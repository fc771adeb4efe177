package dev.tipflood.reports.analysis;

import dev.tipflood.reports.rundir.ReviewStats;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What happened to the tips of one population (a class of traffic with one truth label).
 *
 * <p>Every tip started ends in exactly one of: accepted, rejected (an HTTP answer that is not
 * 2xx, after any retries), failed (timeout or connection error on its last attempt) or lost
 * (still open when the run stopped). So {@code offered = accepted + rejected + failed + lost}.
 *
 * @param name             population name
 * @param legit            truth label
 * @param planned          tips in the arrival schedule
 * @param offered          tips started (first attempts sent)
 * @param accepted         tips that ended with a 2xx
 * @param rejectedByStatus tips that ended with a non-2xx answer, by status
 * @param failedByKind     tips whose last attempt got no answer, by kind ({@code timeout}, {@code connection-error})
 * @param lost             tips started with no final outcome when the run stopped
 * @param requests         requests finished, retries included
 * @param retries          retry requests finished
 * @param goodput          tips accepted within the legit latency SLO ({@code legitAcceptP99}); counted for every class
 * @param acceptedLatency  end-to-end latency of accepted tips (first send to the answer of the last attempt)
 * @param timeToReview     time to review of the class's truth class (all populations of that truth), from the server's last timeline sample; {@code ReviewStats.NONE} without a server
 * @param deferred         tips answered {@code 202 deferred} (counted in {@code accepted}) and how many of them had
 *                         their media accepted later
 */
public record ClassReport(String name, boolean legit, long planned, long offered, long accepted,
                          Map<String, Long> rejectedByStatus, Map<String, Long> failedByKind, long lost, long requests,
                          long retries, long goodput, Latency acceptedLatency, ReviewStats timeToReview,
                          DeferredMedia deferred) {
  /**
   * Tips of a class the server deferred (brownout) and their later media uploads.
   *
   * @param tips       tips whose last attempt was answered {@code 202 deferred}
   * @param mediaLater of those, tips whose media the client sent later and the server accepted ({@code 201})
   * @param uploads    later media uploads finished ({@code submit-media}), retries after 425/503 included
   */
  public record DeferredMedia(long tips, long mediaLater, long uploads) {
    public static final DeferredMedia NONE = new DeferredMedia(0, 0, 0);
  }

  public ClassReport {
    Objects.requireNonNull(deferred, "deferred");
    Objects.requireNonNull(name, "name");
    rejectedByStatus = Map.copyOf(new TreeMap<>(rejectedByStatus));
    failedByKind = Map.copyOf(failedByKind);
    Objects.requireNonNull(acceptedLatency, "acceptedLatency");
    Objects.requireNonNull(timeToReview, "timeToReview");
    long rejected = sum(rejectedByStatus);
    long failed = sum(failedByKind);
    if (accepted < 0 || lost < 0 || accepted + rejected + failed + lost != offered) {
      throw new IllegalArgumentException(name + ": accepted " + accepted + " + rejected " + rejected + " + failed "
          + failed + " + lost " + lost + " != offered " + offered);
    }
  }

  public long rejected() {
    return sum(rejectedByStatus);
  }

  public long failed() {
    return sum(failedByKind);
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Tips that did not end accepted: rejected, failed or lost. */
  public long notAccepted() {
    return offered - accepted;
  }

  public String truth() {
    return legit ? "legit" : "junk";
  }
}
