/**
 * Defences: small, framework-free policies that decide, at explicit points of a request, whether
 * a tip may go on. Contracts live here; throttles in {@code throttle}; the run-time set of a
 * profile's defences in {@code control}; the one Vert.x adapter in {@code http}.
 *
 * <pre>{@code
 * Defence perDevice = ...;                       // built from a profile by DefenceCatalogue
 * Attempt a = new Attempt("10.0.0.7", 4096, clock.nanoTime());
 * Decision d = perDevice.decide(Point.HEADERS, a);
 * if (d instanceof Decision.Reject r) { answer(r.reason(), r.waitNanos()); }
 * }</pre>
 *
 * <p>Defences never see the load generator's ground truth (an ArchUnit rule): they decide on what
 * a real service would see, and learn about junk only from reviewers' verdicts.
 */
package dev.tipflood.server.defence;
