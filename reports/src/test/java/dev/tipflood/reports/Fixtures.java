package dev.tipflood.reports;

import static dev.tipflood.reports.SyntheticRun.range;

import java.nio.file.Path;
import java.util.Arrays;

/** Named synthetic runs that cover the shapes a summary can take. */
public final class Fixtures {
  private Fixtures() {
  }

  /** A flood that takes /ready down at 10 s and never lets it come back: lost legit tips, metastable. */
  public static Path collapse(Path dir) {
    int[] thirty = new int[30];
    Arrays.fill(thirty, 2);
    SyntheticRun r = SyntheticRun.at(dir, 50).population("citizens", true, thirty).population("fans", false, thirty);
    for (int s = 0; s < 30; s++) {
      r.start("citizens", s, 2).start("fans", s, 2);
    }
    for (int s = 0; s < 10; s++) {
      r.tips("citizens", s, "201", 20_000 + 1000L * s, 30_000).tips("fans", s, "201", 15_000, 18_000);
      r.sample(s).with("storage").with("byTruth").put("legit", 1000L * s).put("junk", 3000L * s);
    }
    r.tips("citizens", 15, "503", 1000).tips("fans", 15, "503", range(900, 6)).tips("fans", 40, "timeout", 30_000_000);
    for (int s = 5; s < 50; s++) {
      r.sample(s).with("reviewed").with("legit").put("total", 3).with("ttrMs").put("p50", 20_000).put("p95", 40_000)
          .put("p99", 40_000).put("max", 40_000);
    }
    r.sample(49).with("storage").with("byTruth").put("legit", 9000).put("junk", 27000);
    r.sample(49).with("reviewed").with("legit").put("expired", 3);
    r.sample(49).with("stages").with("review").put("queued", 12);
    r.sample(20).with("stages").with("processing").put("rejected", 4);
    return r.readyRange(0, 10, 200).readyRange(10, 50, 503, "heapAfterGc", "gcOverhead").write();
  }

  /** The same offered load on a service that holds: every legit tip accepted quickly, junk mostly refused. */
  public static Path held(Path dir) {
    return held(dir, 40);
  }

  /** {@link #held} whose data end {@code dataSeconds} after the start (31: too soon to time a recovery). */
  public static Path held(Path dir, int dataSeconds) {
    int[] thirty = new int[30];
    Arrays.fill(thirty, 2);
    SyntheticRun r = SyntheticRun.at(dir, dataSeconds).population("citizens", true, thirty).population("fans", false, thirty);
    for (int s = 0; s < 30; s++) {
      r.start("citizens", s, 2).start("fans", s, 2);
      r.tips("citizens", s, "201", 20_000, 25_000).tips("fans", s, "429", 500, 600);
    }
    for (int s = 0; s < dataSeconds; s++) {
      r.sample(s).with("storage").with("byTruth").put("legit", 1000L * Math.min(s, 29)).put("junk", 0);
      r.sample(s).with("reviewed").with("legit").put("total", s).with("ttrMs").put("p50", 5000).put("p95", 9000)
          .put("p99", 9500).put("max", 9900);
    }
    return r.readyRange(0, dataSeconds, 200).write();
  }

  /** Load against a --target: no server files at all. */
  public static Path targetOnly(Path dir) {
    return SyntheticRun.at(dir, 10).population("citizens", true, 5).withoutServer()
        .startAndEnd("citizens", 0, "201", range(1000, 5)).write();
  }
}
