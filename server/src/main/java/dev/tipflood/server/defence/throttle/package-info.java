/**
 * Throttles: defences that limit how much comes in, built on Bucket4j (token buckets), Netflix
 * concurrency-limits (adaptive concurrency) and Caffeine (bounded per-client maps). Each takes a
 * validated settings record and a {@link dev.tipflood.server.defence.NanoClock}; Retry-After is
 * always the wait the throttle's own state implies, never a constant.
 */
package dev.tipflood.server.defence.throttle;
