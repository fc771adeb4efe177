package dev.tipflood.server.measure.truth;

import java.util.Objects;

/**
 * The truth headers of one request, parsed.
 *
 * @param truth legit or junk
 * @param population the load generator's population name
 * @param seq the per-population sequence number
 * @param attempt 1 for a first try, k for the k-th retry... as sent in {@code X-Tipflood-Attempt}
 */
public record TruthLabel(Truth truth, String population, long seq, int attempt) {
  public TruthLabel {
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(population, "population");
  }
}
