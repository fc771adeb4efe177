package dev.tipflood.reports.compare;

/** Runs that cannot be compared: too few, or of different scenarios. The message names them and what is valid. */
public final class ComparisonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private ComparisonException(String message) {
    super(message);
  }

  public static ComparisonException tooFew(int given) {
    return new ComparisonException("compare needs at least 2 run directories, got " + given);
  }

  public static ComparisonException differentScenarios(String firstDir, String firstScenario, String dir, String scenario) {
    return new ComparisonException(dir + ": scenario '" + scenario + "' differs from '" + firstScenario + "' of " + firstDir
        + "; compare runs of one scenario (for example one per profile)");
  }
}
