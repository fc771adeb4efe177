package dev.tipflood.reports.analysis;

import java.util.Objects;

/**
 * Latency of one set of requests, both ways of measuring it (docs/run-directory.md).
 *
 * @param corrected from the intended send time (coordinated omission corrected)
 * @param raw       from the actual send time
 */
public record Latency(Percentiles corrected, Percentiles raw) {
  public Latency {
    Objects.requireNonNull(corrected, "corrected");
    Objects.requireNonNull(raw, "raw");
  }
}
