import dev.tipflood.server.config.Profile;
import dev.tipflood.server.config.ProfileLoader;
import dev.tipflood.server.model.pipeline.CapacityPipeline;
import dev.tipflood.server.model.pipeline.PipelineMedia;
import dev.tipflood.server.model.pipeline.MediaKind;
import dev.tipflood.server.model.pipeline.PipelineObserver;
import dev.tipflood.server.model.pipeline.PipelineTip;
import dev.tipflood.server.model.review.Label;
import dev.tipflood.server.model.review.Verdict;
import dev.tipflood.server.model.time.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The capacity model in virtual time: a profile's processing and review stages take a Poisson
 * flood of junk plus a trickle of legit tips for hours of simulated time, in seconds of real time.
 * Prints the review backlog per simulated 10 minutes, the legit time to review, and the speed.
 *
 * <p>{@code java -cp server/target/classes:<deps> VirtualFlood.java [profile] [hours] [junkPerSecond] [legitPerMinute]}
 */
public final class VirtualFlood {
  private static final long SECOND = 1_000_000_000L;

  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : "naive";
    double hours = args.length > 1 ? Double.parseDouble(args[1]) : 2;
    double junkPerSecond = args.length > 2 ? Double.parseDouble(args[2]) : 500;
    double legitPerMinute = args.length > 3 ? Double.parseDouble(args[3]) : 10;
    Profile profile = ProfileLoader.resolve(name);
    VirtualScheduler clock = new VirtualScheduler();
    java.util.Set<String> legit = new java.util.HashSet<>();
    CapacityPipeline pipeline = new CapacityPipeline(clock, profile.processing().toSpec(), profile.review().toSpec(),
        1.0, id -> Optional.of(legit.contains(id) ? Label.LEGIT : Label.JUNK), PipelineObserver.none());
    long[] legitReviewed = {0};
    long[] legitTtrSum = {0};
    pipeline.subscribe((Verdict v) -> {
      if (legit.contains(v.tipId())) {
        legitReviewed[0]++;
        legitTtrSum[0] += v.timeToReviewNanos();
      }
    });
    SplittableRandom random = new SplittableRandom(2020);
    long end = (long) (hours * 3600 * SECOND);
    double rate = junkPerSecond + legitPerMinute / 60;
    long[] submitted = {0};
    long[] dropped = {0};
    Runnable[] arrive = new Runnable[1];
    arrive[0] = () -> {
      String id = "t" + submitted[0]++;
      boolean isLegit = random.nextDouble() * rate < legitPerMinute / 60;
      if (isLegit) {
        legit.add(id);
      }
      // a 3MB photo for legit tips, a 12MB fancam video of a minute for junk
      PipelineMedia media = isLegit ? new PipelineMedia(MediaKind.PHOTO, 3L << 20, 0, "l")
          : new PipelineMedia(MediaKind.VIDEO, 12L << 20, 60, "j");
      if (!pipeline.submit(new PipelineTip(id, List.of(media), 0, clock.nanoTime()))) {
        dropped[0]++;
      }
      long gap = Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) / rate * SECOND));
      if (clock.nanoTime() + gap < end) {
        clock.schedule(gap, arrive[0]);
      }
    };
    long started = System.nanoTime();
    clock.schedule(0, arrive[0]);
    System.out.printf(Locale.ROOT, "profile=%s junk=%.0f/s legit=%.0f/min for %.1f simulated hours%n", name,
        junkPerSecond, legitPerMinute, hours);
    System.out.println("  sim-min  submitted  dropped  procQueue  reviewQueue  reviewed  legitReviewed");
    for (long t = 600 * SECOND; t <= end; t += 600 * SECOND) {
      clock.advanceTo(t);
      System.out.printf(Locale.ROOT, "  %7d  %9d  %7d  %9d  %11d  %8d  %13d%n", t / 60 / SECOND, submitted[0],
          dropped[0], pipeline.processingStats().queued(), pipeline.reviewStats().queued(),
          pipeline.reviewStats().departed(), legitReviewed[0]);
    }
    double wall = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "SUMMARY simulatedHours=%.1f wallSeconds=%.2f speedup=%.0fx tips=%d "
            + "legitReviewed=%d/%d legitMeanTimeToReview=%s%n", hours, wall, hours * 3600 / wall, submitted[0],
        legitReviewed[0], legit.size(),
        legitReviewed[0] == 0 ? "never" : Duration.ofNanos(legitTtrSum[0] / legitReviewed[0]).toString());
  }
}
