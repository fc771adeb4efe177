/**
 * The capacity model of the mock service, free of any framework: queues with a discipline and a
 * bound ({@code queue}), storage bandwidth and quota ({@code storage}), processing workers and
 * simulated human reviewers ({@code pipeline}), all driven by an injected {@link
 * dev.tipflood.server.model.time.Scheduler} ({@code time}).
 *
 * <p>Costs are virtual: scheduled delays and bandwidth tokens. Nothing here reads the wall clock
 * or sleeps, so the same code runs under a manual clock in unit tests, under Vert.x timers in the
 * real server, and under a discrete-event clock in a virtual-time simulation.
 */
package dev.tipflood.server.model;
