/**
 * The Gatling side: {@link dev.tipflood.loadgen.gatling.TipfloodSimulation} assembles the
 * protocol, one scenario and one open injection profile per population, and the assertions;
 * requests live in {@link dev.tipflood.loadgen.gatling.TipRequests}, chains in
 * {@link dev.tipflood.loadgen.gatling.TipChains}, feeders in
 * {@link dev.tipflood.loadgen.gatling.TipFeeders}. {@link dev.tipflood.loadgen.gatling.GatlingMain}
 * is the entry point of the Gatling child JVM that {@code tipflood run} starts.
 */
package dev.tipflood.loadgen.gatling;
