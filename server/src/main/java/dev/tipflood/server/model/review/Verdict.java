package dev.tipflood.server.model.review;

import java.util.List;
import java.util.Objects;

/**
 * A simulated reviewer's decision on one tip. It carries the reviewer's label, which is wrong at
 * the profile's error rate, and never the truth itself.
 *
 * @param tipId the tip
 * @param label what the reviewer decided
 * @param mediaSha256 hashes of the tip's media, e.g. to feed a junk blocklist
 * @param acceptedAtNanos scheduler time the tip was acknowledged
 * @param decidedAtNanos scheduler time of the decision
 * @param reviewNanos reviewer time spent on the tip
 */
public record Verdict(
    String tipId,
    Label label,
    List<String> mediaSha256,
    long acceptedAtNanos,
    long decidedAtNanos,
    long reviewNanos) {

  public Verdict {
    Objects.requireNonNull(tipId, "tipId");
    Objects.requireNonNull(label, "label");
    mediaSha256 = List.copyOf(mediaSha256);
  }

  /** From acknowledgement to decision: how long a real tip waited to be seen by a human. */
  public long timeToReviewNanos() {
    return decidedAtNanos - acceptedAtNanos;
  }
}
