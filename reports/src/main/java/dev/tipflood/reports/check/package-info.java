/** {@code tipflood check}: a run against a baseline, metric by metric, within tolerances (the CI gate). */
package dev.tipflood.reports.check;
