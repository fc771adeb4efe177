/**
 * One {@code tipflood run}: the run directory and its manifest, the server child, the Gatling
 * child, the once-a-second polling of the server's measurement endpoints, the live progress line
 * and the closing per-class summary. The directory format is documented in
 * {@code docs/run-directory.md}.
 */
package dev.tipflood.loadgen.run;
