/**
 * Child processes of the CLI: the mock server ({@link dev.tipflood.loadgen.process.ServerProcess})
 * and the Gatling JVM ({@link dev.tipflood.loadgen.process.GatlingProcess}). Each is stopped
 * always: by the caller's {@code finally}, and by a JVM shutdown hook on Ctrl-C
 * ({@link dev.tipflood.loadgen.process.ChildProcess}).
 */
package dev.tipflood.loadgen.process;
