/** {@code summary.json}, the versioned machine interface of a run (schema: {@code summary.schema.json}). */
package dev.tipflood.reports.json;
