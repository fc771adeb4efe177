package dev.tipflood.archfixtures.defence;

import dev.tipflood.server.model.review.Label;
import dev.tipflood.server.model.review.Verdict;
import dev.tipflood.server.model.review.VerdictListener;
import java.util.HashSet;
import java.util.Set;

/** COMPLIANT fixture: a defence that learns junk hashes from reviewers' verdicts only. */
public final class LearnsFromVerdicts implements VerdictListener {
  private final Set<String> junkHashes = new HashSet<>();

  @Override
  public void onVerdict(Verdict verdict) {
    if (verdict.label() == Label.JUNK) {
      junkHashes.addAll(verdict.mediaSha256());
    }
  }

  public boolean blocked(String sha256) {
    return junkHashes.contains(sha256);
  }
}
