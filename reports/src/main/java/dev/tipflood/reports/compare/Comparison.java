package dev.tipflood.reports.compare;

import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.Scorecard;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Several runs of one scenario side by side, typically one per profile: the ground-truth
 * scorecard as rows, each run's SLO verdicts, and labels for the charts.
 *
 * <pre>{@code
 * Comparison c = Comparison.of(List.of(RunAnalyzer.analyze(a), RunAnalyzer.analyze(b)));
 * c.rows().stream().filter(ScoreRow::differs).forEach(r -> System.out.println(r.title()));
 * }</pre>
 *
 * @param runs   the analyses, in the order given
 * @param labels one per run: its profile, with the run directory's name when profiles repeat
 * @param rows   the scorecard
 */
public record Comparison(List<RunAnalysis> runs, List<String> labels, List<ScoreRow> rows) {
  public Comparison {
    runs = List.copyOf(runs);
    labels = List.copyOf(labels);
    rows = List.copyOf(rows);
  }

  public static Comparison of(List<RunAnalysis> runs) {
    if (runs.size() < 2) {
      throw ComparisonException.tooFew(runs.size());
    }
    RunAnalysis first = runs.get(0);
    for (RunAnalysis r : runs) {
      if (!r.run().scenario().equals(first.run().scenario())) {
        throw ComparisonException.differentScenarios(first.run().directory(), first.run().scenario(), r.run().directory(),
            r.run().scenario());
      }
    }
    List<String> labels = new ArrayList<>();
    for (RunAnalysis r : runs) {
      boolean repeated = runs.stream().filter(o -> o.run().profile().equals(r.run().profile())).count() > 1;
      String label = repeated ? r.run().profile() + " (" + java.nio.file.Path.of(r.run().directory()).getFileName() + ")"
          : r.run().profile();
      labels.add(labels.contains(label) ? label + " #" + (labels.size() + 1) : label);
    }
    return new Comparison(runs, labels, rows(runs));
  }

  public String scenario() {
    return runs.get(0).run().scenario();
  }

  private static List<ScoreRow> rows(List<RunAnalysis> runs) {
    List<ScoreRow> rows = new ArrayList<>();
    rows.add(row(runs, "legit.offered", "legit tips offered", "tips", false, a -> a.scorecard().legitOffered()));
    rows.add(row(runs, "legit.notAccepted", "legit tips rejected, failed or lost (the worst outcome)", "tips", true,
        a -> a.scorecard().legitNotAccepted()));
    rows.add(row(runs, "legit.goodput", "legit tips accepted within the latency SLO", "tips", false,
        a -> a.scorecard().legitGoodput()));
    rows.add(row(runs, "legit.goodputShare", "share of legit tips accepted within the latency SLO", "ratio", false,
        a -> a.scorecard().legitOffered() == 0 ? Double.NaN
            : (double) a.scorecard().legitGoodput() / a.scorecard().legitOffered()));
    rows.add(row(runs, "legit.p50", "accepted legit latency p50 (corrected)", "ms", true,
        a -> a.legitLatency().corrected().p50Ms()));
    rows.add(row(runs, "legit.p99", "accepted legit latency p99 (corrected)", "ms", true,
        a -> a.legitLatency().corrected().p99Ms()));
    rows.add(row(runs, "junk.offered", "junk tips offered", "tips", true, a -> a.scorecard().junkOffered()));
    rows.add(row(runs, "junk.accepted", "junk tips accepted", "tips", true, a -> a.scorecard().junkAccepted()));
    rows.add(row(runs, "junk.bytesStored", "junk media bytes stored", "bytes", true,
        a -> server(a.scorecard(), a.scorecard().junkBytesStored())));
    rows.add(row(runs, "junk.storageShare", "share of stored bytes that are junk", "ratio", true,
        a -> a.scorecard().junkStorageShare()));
    rows.add(row(runs, "reviewer.junkSeconds", "reviewer time spent on junk", "s", true,
        a -> server(a.scorecard(), a.scorecard().reviewerJunkSeconds())));
    rows.add(row(runs, "slos.failed", "SLOs failed", "count", true, a -> a.failedSlos()));
    return rows;
  }

  private static double server(Scorecard s, double v) {
    return s.hasServerData() ? v : Double.NaN;
  }

  private static ScoreRow row(List<RunAnalysis> runs, String id, String title, String unit, boolean lowerIsBetter,
                              ToDoubleFunction<RunAnalysis> f) {
    return new ScoreRow(id, title, unit, lowerIsBetter, runs.stream().mapToDouble(f).toArray());
  }
}
