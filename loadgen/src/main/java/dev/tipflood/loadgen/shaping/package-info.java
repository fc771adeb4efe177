/**
 * Upload shaping: a loopback TCP proxy ({@link dev.tipflood.loadgen.shaping.ShapingProxy}) that
 * caps the client-to-server byte rate of every connection with a token bucket
 * ({@link dev.tipflood.loadgen.shaping.UploadShaper}), like toxiproxy's bandwidth toxic. The
 * requests of a population with {@code client.uploadBandwidth} go through it, one connection per
 * virtual user, so the cap is a per-client cap. Server-to-client traffic is not shaped.
 */
package dev.tipflood.loadgen.shaping;
