/**
 * Run analysis: per-class outcomes and latency (merged by adding HdrHistograms), the
 * ground-truth scorecard, degradation events, recovery, metastability and SLO verdicts, as one
 * immutable {@link dev.tipflood.reports.analysis.RunAnalysis}. Entry point:
 * {@link dev.tipflood.reports.analysis.RunAnalyzer}.
 */
package dev.tipflood.reports.analysis;
