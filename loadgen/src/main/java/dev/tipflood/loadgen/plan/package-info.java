/**
 * The load plan: everything the Gatling JVM needs to drive one run, resolved from a scenario by
 * the CLI and handed over as a JSON file ({@code -Dtipflood.plan=PATH}). Gatling instantiates the
 * simulation class itself, so the plan is the only channel from the CLI into the simulation; it
 * is plain data with no scenarios-module types, which keeps the simulation easy to test.
 */
package dev.tipflood.loadgen.plan;
