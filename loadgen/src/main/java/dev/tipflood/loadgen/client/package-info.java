/**
 * Client behaviour that Gatling does not model by itself, free of Gatling types so it can be
 * unit tested: retry decisions and backoff, outcome classification, identities and metadata.
 */
package dev.tipflood.loadgen.client;
