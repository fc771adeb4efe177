/**
 * Triage: deciding what is worth a reviewer's time, in the same defence shape as the throttles.
 * {@code sniff} checks a media part's type and headers on its first bytes and walks its structure
 * as it streams (pixel and frame caps, truncation, polyglots); {@code duplicate} matches exact
 * copies by SHA-256; {@code similar} matches PDQ hashes against the reviewer-fed junk blocklist
 * and groups near-duplicate witnesses; {@code score} ranks a durable tip for the review queue from
 * its metadata and its client's reputation; {@code brownout} takes a tip's text first and its
 * media later under pressure. What triage learns it learns only from reviewers' verdicts
 * ({@link dev.tipflood.server.defence.triage.ReviewerMemory}), never from the truth.
 */
package dev.tipflood.server.defence.triage;
