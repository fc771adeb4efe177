/**
 * The breaking-point search of {@code tipflood sweep}: {@link dev.tipflood.loadgen.sweep.BreakingPointSearch}
 * brackets, then bisects, the flood intensity of one profile against a {@link dev.tipflood.loadgen.sweep.StepRunner}
 * within a {@link dev.tipflood.loadgen.sweep.Budget} read from an injected clock; {@link dev.tipflood.loadgen.sweep.Sweep}
 * shares the budget among profiles; {@link dev.tipflood.loadgen.sweep.RunStepRunner} runs each step as an ordinary
 * run of the {@link dev.tipflood.loadgen.sweep.SteadyStep} load, starting from {@link dev.tipflood.loadgen.sweep.ForecastStart}.
 * The analysis and the capacity report are the reports module's ({@code dev.tipflood.reports.capacity}).
 */
package dev.tipflood.loadgen.sweep;
