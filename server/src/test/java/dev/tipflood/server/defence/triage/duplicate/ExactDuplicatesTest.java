package dev.tipflood.server.defence.triage.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.ManualClock;
import dev.tipflood.server.defence.MediaPart;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import dev.tipflood.server.defence.triage.ReviewerMemory;
import dev.tipflood.server.defence.triage.Verdicts;
import org.junit.jupiter.api.Test;

class ExactDuplicatesTest {
  private final ReviewerMemory memory = new ReviewerMemory(new ManualClock(), ReviewerMemory.Limits.DEFAULT,
      Runnable::run, java.nio.file.Path::of);
  private final StoredDigests stored = new StoredDigests(1000);

  private MediaPart lastPart;

  private Decision send(ExactDuplicates d, String tipId, String sha) {
    Attempt a = new Attempt("10.0.0.1", 100, 0);
    MediaPart part = a.startPart("image/jpeg", "a.jpg");
    lastPart = part;
    part.completed(100, sha, null);
    Decision atEnd = d.decide(Point.MEDIA_END, a);
    if (!(atEnd instanceof Decision.Admit)) {
      return atEnd;
    }
    // Stored as its own copy, or as the copy it was linked to.
    String storedAs = part.linkStoredAs() != null ? part.linkStoredAs() : tipId + "-0";
    a.tip(Verdicts.goodTipStored(tipId, "phone", sha, storedAs));
    return d.decide(Point.DURABLE, a);
  }

  @Test
  void linkPointsTheDuplicateAtTheFirstStoredCopyAndLowersItsPriority() {
    ExactDuplicates d = new ExactDuplicates(new ExactDuplicates.Settings(DuplicatePolicy.LINK, 30), memory, stored);
    assertThat(send(d, "t1", "aa")).isInstanceOf(Decision.Admit.class);
    assertThat(lastPart.linkStoredAs()).as("the first copy is kept").isNull();
    assertThat(send(d, "t2", "aa")).isEqualTo(Decision.prioritise(-30));
    assertThat(lastPart.linkTipId()).isEqualTo("t1");
    assertThat(lastPart.linkStoredAs()).isEqualTo("t1-0");
    send(d, "t3", "aa");
    assertThat(lastPart.linkStoredAs()).as("a third copy links to the first, not the second").isEqualTo("t1-0");
    assertThat(send(d, "t4", "bb")).isInstanceOf(Decision.Admit.class);
    assertThat(lastPart.linkStoredAs()).isNull();
  }

  @Test
  void downRankNeverLinks() {
    ExactDuplicates d = new ExactDuplicates(new ExactDuplicates.Settings(DuplicatePolicy.DOWN_RANK, 30), memory, stored);
    send(d, "t1", "aa");
    send(d, "t2", "aa");
    assertThat(lastPart.linkStoredAs()).isNull();
  }

  @Test
  void downRankKeepsTheDuplicateAndLowersItsPriority() {
    ExactDuplicates d = new ExactDuplicates(new ExactDuplicates.Settings(DuplicatePolicy.DOWN_RANK, 30), memory, stored);
    assertThat(send(d, "t1", "aa")).isInstanceOf(Decision.Admit.class);
    assertThat(send(d, "t2", "aa")).isEqualTo(Decision.prioritise(-30));
    assertThat(send(d, "t3", "bb")).isInstanceOf(Decision.Admit.class);
  }

  @Test
  void rejectRefusesTheDuplicateWithoutNamingTheFirstTip() {
    ExactDuplicates d = new ExactDuplicates(new ExactDuplicates.Settings(DuplicatePolicy.REJECT, 30), memory, stored);
    send(d, "t1", "aa");
    Decision second = send(d, "t2", "aa");
    assertThat(second).isInstanceOf(Decision.Reject.class);
    assertThat(((Decision.Reject) second).reason()).isEqualTo(Reason.MEDIA_DUPLICATE);
    // A tip id is the key to its tip: the refusal never hands out another tip's.
    assertThat(((Decision.Reject) second).detail()).contains("earlier tip").doesNotContain("t1");
  }

  @Test
  void mediaAReviewerJudgedJunkIsRefusedWhateverThePolicy() {
    ExactDuplicates d = new ExactDuplicates(new ExactDuplicates.Settings(DuplicatePolicy.DOWN_RANK, 30), memory, stored);
    send(d, "t1", "aa");
    memory.onVerdict(Verdicts.junk("t1", "aa"));
    Decision again = send(d, "t2", "aa");
    assertThat(((Decision.Reject) again).reason()).isEqualTo(Reason.MEDIA_KNOWN_JUNK);
  }

  @Test
  void aLegitVerdictBlocksNothing() {
    ExactDuplicates d = new ExactDuplicates(new ExactDuplicates.Settings(DuplicatePolicy.DOWN_RANK, 30), memory, stored);
    send(d, "t1", "aa");
    memory.onVerdict(Verdicts.legit("t1", "aa"));
    assertThat(send(d, "t2", "aa")).isEqualTo(Decision.prioritise(-30));
  }
}
