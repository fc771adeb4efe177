package dev.tipflood.reports.capacity;

import java.util.Optional;
import org.apache.commons.math3.analysis.MultivariateMatrixFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;

/**
 * Fits a {@link UslModel} to (load, throughput) points by non-linear least squares
 * (commons-math3 Levenberg-Marquardt), with sigma and kappa kept at or above 0.
 *
 * <pre>{@code
 * Optional<UslModel> m = UslFit.fit(new double[] {1, 2, 4, 8}, new double[] {955, 1879, 3549, 6531});
 * }</pre>
 */
public final class UslFit {
  /** Three parameters need at least one point more to say anything. */
  public static final int MIN_POINTS = 4;
  private static final int MAX_EVALUATIONS = 10_000;

  private UslFit() {
  }

  /**
   * The least-squares model, or empty when the data do not allow one: fewer than {@link #MIN_POINTS}
   * points with load and throughput above 0, or no convergence.
   */
  public static Optional<UslModel> fit(double[] load, double[] throughput) {
    if (load.length != throughput.length) {
      throw new IllegalArgumentException("load and throughput differ in length: " + load.length + " and "
          + throughput.length);
    }
    int usable = 0;
    for (int i = 0; i < load.length; i++) {
      if (load[i] > 0 && throughput[i] > 0 && Double.isFinite(load[i]) && Double.isFinite(throughput[i])) {
        usable++;
      }
    }
    if (usable < MIN_POINTS) {
      return Optional.empty();
    }
    double[] n = new double[usable];
    double[] x = new double[usable];
    double lambda0 = 0;
    for (int i = 0, k = 0; i < load.length; i++) {
      if (load[i] > 0 && throughput[i] > 0 && Double.isFinite(load[i]) && Double.isFinite(throughput[i])) {
        n[k] = load[i];
        x[k] = throughput[i];
        lambda0 = Math.max(lambda0, x[k] / n[k]);
        k++;
      }
    }
    try {
      LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
          .start(new double[] {lambda0, 0.01, 0.0001})
          .model(values(n), jacobian(n))
          .target(x)
          .parameterValidator(p -> new ArrayRealVector(new double[] {Math.max(p.getEntry(0), 1e-12),
              Math.max(p.getEntry(1), 0), Math.max(p.getEntry(2), 0)}))
          .maxEvaluations(MAX_EVALUATIONS).maxIterations(MAX_EVALUATIONS)
          .build());
      RealVector p = o.getPoint();
      UslModel unfitted = new UslModel(p.getEntry(0), p.getEntry(1), p.getEntry(2), Double.NaN, usable);
      return Optional.of(new UslModel(p.getEntry(0), p.getEntry(1), p.getEntry(2), rSquared(unfitted, n, x), usable));
    } catch (ConvergenceException | TooManyIterationsException e) {
      return Optional.empty();
    }
  }

  private static double rSquared(UslModel m, double[] n, double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v / x.length;
    }
    double residual = 0;
    double total = 0;
    for (int i = 0; i < n.length; i++) {
      residual += Math.pow(x[i] - m.throughput(n[i]), 2);
      total += Math.pow(x[i] - mean, 2);
    }
    return total == 0 ? Double.NaN : 1 - residual / total;
  }

  private static MultivariateVectorFunction values(double[] n) {
    return p -> {
      double[] out = new double[n.length];
      for (int i = 0; i < n.length; i++) {
        out[i] = p[0] * n[i] / denominator(p, n[i]);
      }
      return out;
    };
  }

  private static MultivariateMatrixFunction jacobian(double[] n) {
    return p -> {
      double[][] j = new double[n.length][3];
      for (int i = 0; i < n.length; i++) {
        double d = denominator(p, n[i]);
        double num = p[0] * n[i];
        j[i][0] = n[i] / d;
        j[i][1] = -num * (n[i] - 1) / (d * d);
        j[i][2] = -num * n[i] * (n[i] - 1) / (d * d);
      }
      return j;
    };
  }

  private static double denominator(double[] p, double n) {
    return 1 + p[1] * (n - 1) + p[2] * n * (n - 1);
  }
}
