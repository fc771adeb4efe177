package dev.tipflood.reports.capacity;

/**
 * A Universal Scalability Law model (Gunther): throughput at load {@code N} is
 * {@code X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1))}.
 *
 * @param lambda   throughput of one unit of load with no contention (the slope at the origin)
 * @param sigma    contention: the serial share of the work, in [0, 1)
 * @param kappa    coherency: the cost of units of load waiting for each other, >= 0
 * @param rSquared coefficient of determination of the fit to the points it came from
 * @param points   how many points it was fitted to
 */
public record UslModel(double lambda, double sigma, double kappa, double rSquared, int points) {

  /** Throughput at load {@code n}. */
  public double throughput(double n) {
    return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
  }

  /** The load at which throughput peaks, {@code sqrt((1 - sigma) / kappa)}; infinite when kappa is 0. */
  public double peakLoad() {
    return kappa <= 0 ? Double.POSITIVE_INFINITY : Math.sqrt((1 - sigma) / kappa);
  }

  /** The highest throughput the model allows (at {@link #peakLoad()}); {@code lambda / sigma} without coherency cost. */
  public double peakThroughput() {
    double n = peakLoad();
    if (Double.isInfinite(n)) {
      return sigma <= 0 ? Double.POSITIVE_INFINITY : lambda / sigma;
    }
    return throughput(n);
  }
}
