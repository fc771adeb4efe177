/**
 * Several runs of one scenario side by side ({@code tipflood compare}): the ground-truth scorecard as one
 * table with the differences highlighted, the SLO verdicts, overlaid charts; {@code compare.html} and
 * {@code compare.json}.
 */
package dev.tipflood.reports.compare;
