package dev.tipflood.server.model.review;

/**
 * Subscribes to reviewers' verdicts, e.g. a triage defence that blocklists junk media hashes or
 * scores client reputation. Called on the scheduler's thread: do not block.
 */
@FunctionalInterface
public interface VerdictListener {
  void onVerdict(Verdict verdict);
}
