/**
 * The one grammar for quantities written by people: byte sizes ({@link dev.tipflood.units.ByteSize}),
 * bandwidths ({@link dev.tipflood.units.ByteRate}) and durations ({@link dev.tipflood.units.Durations}).
 * Scenarios, profiles and the CLI all parse with these and nothing else. See docs/units.md.
 */
package dev.tipflood.units;
