/**
 * Reading a run directory (docs/run-directory.md): the manifest, the client and server
 * HdrHistogram interval logs, client progress, the server timeline and {@code /ready} probes.
 * Parsing only; no analysis. Errors are {@link dev.tipflood.reports.rundir.RunDirectoryException}s
 * that name the file and line.
 */
package dev.tipflood.reports.rundir;
