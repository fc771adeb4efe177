package dev.tipflood.server.health;

import java.util.List;

/**
 * A set of check results; the report is up when every check is.
 *
 * @param checks every check, failing or not, in a stable order
 */
public record HealthReport(List<CheckResult> checks) {
  public HealthReport {
    checks = List.copyOf(checks);
  }

  public boolean up() {
    return checks.stream().allMatch(CheckResult::up);
  }

  /** The names of the failing checks, in order. */
  public List<String> failing() {
    return checks.stream().filter(c -> !c.up()).map(CheckResult::name).toList();
  }
}
