/**
 * Client-side measurement that Gatling OSS does not give: every request, failures included,
 * recorded per (population, request, outcome) into HdrHistogram interval logs, once from the
 * intended send time of the open-model schedule (corrected for coordinated omission) and once
 * from the actual send (raw).
 */
package dev.tipflood.loadgen.measure;
