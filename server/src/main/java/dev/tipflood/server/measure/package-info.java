/**
 * The measurement plane: the only code that reads the load generator's ground truth.
 *
 * <ul>
 *   <li>{@code truth}: the truth headers, their parsing, and the tip id to truth registry that
 *       backs the reviewers' {@link dev.tipflood.server.model.review.GroundTruthOracle};
 *   <li>{@code latency}: HdrHistogram interval recorders per (population, endpoint, outcome);
 *   <li>{@code review}: verdicts scored against the truth: tips reviewed and time to review per
 *       class, reviewer seconds spent on junk, stored bytes per class;
 *   <li>{@code timeline}: the per-second samples of every resource;
 *   <li>{@code http}: the Vert.x edge: the first handler on the public router and the admin routes.
 * </ul>
 *
 * <p>An architecture test keeps the rest of the server away from the truth: see
 * {@code docs/measurement.md}.
 */
package dev.tipflood.server.measure;
