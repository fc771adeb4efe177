package dev.tipflood.reports.analysis;

import java.util.Objects;

/**
 * How often one defence or capacity limit decided against a request, over the whole run.
 *
 * @param defence what decided (a queue bound, the storage quota, a named defence)
 * @param count   how many times
 * @param source  where the figure comes from (a timeline field)
 */
public record DefenceDecision(String defence, long count, String source) {
  public DefenceDecision {
    Objects.requireNonNull(defence, "defence");
    Objects.requireNonNull(source, "source");
  }
}
