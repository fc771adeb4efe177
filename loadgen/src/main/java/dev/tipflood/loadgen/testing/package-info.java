/**
 * The JUnit 5 recipe: {@link dev.tipflood.loadgen.testing.TipfloodRun} runs a scenario from a
 * test and {@link dev.tipflood.loadgen.testing.TipfloodResult} asserts its SLO verdicts and its
 * check against a baseline. Framework-free: assertions throw {@link java.lang.AssertionError}.
 */
package dev.tipflood.loadgen.testing;
