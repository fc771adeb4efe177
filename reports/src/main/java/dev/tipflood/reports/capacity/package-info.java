/**
 * Capacity analysis of a sweep: each step's {@link dev.tipflood.reports.capacity.CapacityPoint} (from the
 * ordinary run analysis), the bracketed {@link dev.tipflood.reports.capacity.BreakingPoint}, the
 * {@link dev.tipflood.reports.capacity.Kneedle} knee of legit goodput, a Universal Scalability Law fit
 * ({@link dev.tipflood.reports.capacity.UslFit}), the plain capacity statement, and
 * {@code capacity.html}/{@code capacity.json}.
 */
package dev.tipflood.reports.capacity;
