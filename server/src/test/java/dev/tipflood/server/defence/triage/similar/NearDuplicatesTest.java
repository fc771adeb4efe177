package dev.tipflood.server.defence.triage.similar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.ManualClock;
import dev.tipflood.server.defence.MediaPart;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import dev.tipflood.server.defence.triage.MediaFiles;
import dev.tipflood.server.defence.triage.Pressure;
import dev.tipflood.server.defence.triage.ReviewerMemory;
import dev.tipflood.server.defence.triage.TriageContext;
import dev.tipflood.server.defence.triage.Verdicts;
import dev.tipflood.server.media.pdq.PdqHasher;
import dev.tipflood.server.media.pdq.PdqImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The triage trap: witnesses' near-identical photos are grouped and never refused for resembling
 * each other; only resemblance to media a reviewer judged junk refuses a part.
 */
class NearDuplicatesTest {
  @TempDir
  Path dir;
  private ReviewerMemory memory;
  private NearDuplicates pdq;
  private final BufferedImage incident = MediaFiles.scene(640, 480, 7);
  private int files;

  @org.junit.jupiter.api.BeforeEach
  void setUp() {
    memory = new ReviewerMemory(new ManualClock(), ReviewerMemory.Limits.DEFAULT, Runnable::run, dir::resolve);
    pdq = new NearDuplicates(new NearDuplicates.Settings(true, 40, 3, 64L << 20, 1000, 8),
        new TriageContext(memory, Runnable::run, Pressure.NONE));
  }

  /** Sends one photo through the part's end and, unless refused, durability; returns the part's decision. */
  private Decision send(String tipId, BufferedImage photo) throws IOException {
    Path file = dir.resolve("f" + files++ + ".jpg");
    Files.write(file, MediaFiles.encode(photo, "jpg"));
    Attempt a = new Attempt("10.0.0." + files, 100, 0);
    MediaPart part = a.startPart("image/jpeg", "p.jpg");
    part.completed(Files.size(file), "sha-" + tipId, file);
    Decision end = pdq.decide(Point.MEDIA_END, a);
    AtomicReference<Decision> settled = new AtomicReference<>();
    ((Decision.Queued) end).ticket().onSettled(settled::set);
    if (settled.get() instanceof Decision.Admit) {
      a.tip(Verdicts.goodTipStored(tipId, "phone-" + tipId, "sha-" + tipId, file.getFileName().toString()));
      pdq.decide(Point.DURABLE, a);
    }
    return settled.get();
  }

  @Test
  void theVariantsReallyAreNearDuplicates() {
    PdqHasher hasher = new PdqHasher();
    var a = hasher.hash(PdqImages.decode(MediaFiles.encode(incident, "jpg"), "a"));
    var b = hasher.hash(PdqImages.decode(MediaFiles.encode(MediaFiles.resized(incident, 480, 360), "jpg"), "b"));
    var other = hasher.hash(PdqImages.decode(MediaFiles.encode(MediaFiles.scene(640, 480, 8), "jpg"), "c"));
    assertThat(a.quality()).isGreaterThanOrEqualTo(50);
    assertThat(a.hash().hammingDistance(b.hash())).isLessThanOrEqualTo(31);
    assertThat(a.hash().hammingDistance(other.hash())).isGreaterThan(31);
  }

  @Test
  void witnessesOfOneIncidentAreGroupedNotRefused() throws IOException {
    assertThat(send("w1", incident)).isInstanceOf(Decision.Admit.class);
    assertThat(send("w2", MediaFiles.resized(incident, 480, 360))).isInstanceOf(Decision.Admit.class);
    assertThat(send("w3", MediaFiles.resized(incident, 320, 240))).isInstanceOf(Decision.Admit.class);
    assertThat(pdq.state()).containsEntry("witnessesGrouped", 2L).containsEntry("matchedJunk", 0L);
  }

  @Test
  void onceAReviewerJudgesItJunkItsVariantsAreRefused() throws IOException {
    send("fancam", incident);
    memory.onVerdict(Verdicts.junk("fancam", "sha-fancam"));
    Decision variant = send("repost", MediaFiles.resized(incident, 480, 360));
    assertThat(variant).isInstanceOf(Decision.Reject.class);
    assertThat(((Decision.Reject) variant).reason()).isEqualTo(Reason.MEDIA_KNOWN_JUNK);
    assertThat(send("elsewhere", MediaFiles.scene(640, 480, 8))).as("a distinct scene").isInstanceOf(
        Decision.Admit.class);
  }

  @Test
  void aLegitVerdictBlocklistsNothing() throws IOException {
    send("w1", incident);
    memory.onVerdict(Verdicts.legit("w1", "sha-w1"));
    assertThat(send("w2", MediaFiles.resized(incident, 480, 360))).isInstanceOf(Decision.Admit.class);
  }

  @Test
  void aCroppedAndCaptionedRepostOfJudgedJunkIsRefusedToo() throws IOException {
    send("fancam", incident);
    memory.onVerdict(Verdicts.junk("fancam", "sha-fancam"));
    BufferedImage cropped = incident.getSubimage(20, 15, 600, 450);
    BufferedImage captioned = MediaFiles.resized(incident, 640, 480);
    var g = captioned.createGraphics();
    g.setColor(java.awt.Color.BLACK);
    g.fillRect(0, 400, 640, 80);
    g.dispose();
    assertThat(send("cropped", cropped)).isInstanceOf(Decision.Reject.class);
    assertThat(send("captioned", captioned)).isInstanceOf(Decision.Reject.class);
  }

  @Test
  void opsCanSeedTheBlocklist() throws IOException {
    memory.blockPdq(new PdqHasher().hash(incident).hash());
    assertThat(send("first-sight", MediaFiles.resized(incident, 400, 300))).isInstanceOf(Decision.Reject.class);
  }
}
