/**
 * The one Vert.x adapter of the defences: it asks them at each point of a tip POST, turns each
 * {@link dev.tipflood.server.defence.Decision} into a response (429/503 with Retry-After from
 * the decision's wait, a paused body, a queued request), logs every decision for the
 * measurement plane, and serves the admin routes that list, enable, disable and re-tune them.
 */
package dev.tipflood.server.defence.http;
