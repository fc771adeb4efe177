package dev.tipflood.loadgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tipflood.loadgen.forecast.Forecast.Resource;
import dev.tipflood.loadgen.forecast.ProfileCapacity.KindCosts;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.Scenarios;
import org.junit.jupiter.api.Test;

/** The forecast's arithmetic on scenarios whose every tip is known: fixed sizes, constant arrivals. */
class ForecasterTest {
  private static final double MIB = 1024d * 1024;

  /** 2 photo tips/s of exactly 2 files x 1,048,576 bytes (scale 1): every figure follows by hand. */
  private static Scenario photos(String arrival, String duration) {
    return Scenarios.parse("""
        name: fixed
        description: Fixed-size photo tips, so every forecast figure can be worked out by hand.
        seed: 1
        duration: %s
        scale: 1
        target: embedded
        profile: tipline
        slo: {legitAcceptP99: 5s, legitSuccessRatio: 0.99, legitTimeToReviewP95: 30m, junkStorageShareMax: 0.5}
        populations:
          - name: citizens
            truth: legit
            arrival: %s
            identity: {devices: 10, rotationShare: 0, ipMapping: per-device}
            media:
              files: 4
              perTip: {min: 2, max: 2}
              types:
                photo: {weight: 1, size: {kind: fixed, value: 1MiB}}
            metadata: {inJurisdiction: 1, realDescription: 1, plausibleTime: 1}
            client: {timeout: 30s, retry: {on: [503], max: 0, backoff: none, honourRetryAfter: true}}
        """.formatted(duration, arrival), "fixed.yaml");
  }

  private static ProfileCapacity capacity(boolean buffered) {
    // 4 MiB/s of storage, 2 workers at 0.5 s per MiB of photo, 3 reviewers at 10 s per photo.
    return new ProfileCapacity("test", 4L << 20, 2, new KindCosts(0.5, 1, 2, 0.1), 3, 10, 60, 1_000_000,
        256L << 20, buffered);
  }

  @Test
  void constantArrivalsOfFixedTipsGiveTheirExactLoad() {
    Forecast f = Forecaster.forecast(photos("{kind: constant, rate: 2}", "10s"), capacity(false));
    Forecast.PhaseLoad all = f.whole();
    assertThat(all.populations().get(0).tipsPerSecond()).isCloseTo(2.0, within(1e-9));
    // 2 tips/s x 2 MiB = 4 MiB/s against 4 MiB/s
    assertThat(all.resource(Resource.STORAGE).orElseThrow().utilisation()).isCloseTo(1.0, within(1e-9));
    // 2 tips/s x 2 MiB x 0.5 s = 2 busy workers of 2
    assertThat(all.resource(Resource.PROCESSING).orElseThrow().offered()).isCloseTo(2.0, within(1e-9));
    assertThat(all.resource(Resource.PROCESSING).orElseThrow().utilisation()).isCloseTo(1.0, within(1e-9));
    // 2 tips/s x 2 photos x 10 s = 40 busy reviewers of 3
    assertThat(all.resource(Resource.REVIEW).orElseThrow().utilisation()).isCloseTo(40 / 3.0, within(1e-9));
    assertThat(all.resource(Resource.HEAP)).as("not buffered: no heap figure").isEmpty();
    assertThat(all.bottleneck().orElseThrow().resource()).isEqualTo(Resource.REVIEW);
  }

  @Test
  void bufferedUploadsHoldHeapByProcessorSharing() {
    // 1 tip/s of 2 MiB at 4 MiB/s: rho 0.5, each tip holds 2 MiB for 2/(4 x 0.5) = 1 s: 2 MiB held.
    Forecast f = Forecaster.forecast(photos("{kind: constant, rate: 1}", "10s"), capacity(true));
    Forecast.ResourceLoad heap = f.whole().resource(Resource.HEAP).orElseThrow();
    assertThat(heap.offered() / MIB).isCloseTo(2.0, within(1e-6));
    assertThat(heap.utilisation()).isCloseTo(2.0 / 256, within(1e-9));
  }

  @Test
  void heapGrowsWithoutBoundOnceStorageIsSaturated() {
    Forecast f = Forecaster.forecast(photos("{kind: constant, rate: 3}", "10s"), capacity(true));
    assertThat(f.whole().resource(Resource.HEAP).orElseThrow().utilisation()).isInfinite();
    assertThat(ForecastText.render(f)).contains("heap unbounded").contains("OVER capacity: storage");
    assertThat(ForecastJson.toJson(f).path("wholeRun").path("resources").path("heap").path("utilisation").asText())
        .isEqualTo("unbounded");
  }

  @Test
  void phasesFollowTheArrivalShape() {
    // Steps are a Poisson process: 200 s per step keeps the counts within a few percent of the rate.
    Forecast f = Forecaster.forecast(photos("{kind: steps, steps: [{at: 0s, rate: 1}, {at: 200s, rate: 3}]}", "400s"),
        capacity(false));
    assertThat(f.phases()).extracting(Forecast.PhaseLoad::fromSeconds).containsExactly(0.0, 200.0);
    assertThat(f.phases().get(0).populations().get(0).tipsPerSecond()).isCloseTo(1.0, within(0.25));
    assertThat(f.phases().get(1).populations().get(0).tipsPerSecond()).isCloseTo(3.0, within(0.4));
    // the phase's storage load is its own tips x 2 MiB over the 4 MiB/s
    Forecast.PhaseLoad second = f.phases().get(1);
    assertThat(second.resource(Resource.STORAGE).orElseThrow().utilisation())
        .isCloseTo(second.populations().get(0).tipsPerSecond() * 2 / 4, within(1e-9));
  }

  @Test
  void aProfileWithoutPipelineForecastsStorageOnly() {
    ProfileCapacity bare = new ProfileCapacity("unlimited", 0, 0, KindCosts.NONE, 0, 0, 0, 0, 1L << 30, false);
    Forecast f = Forecaster.forecast(photos("{kind: constant, rate: 2}", "10s"), bare);
    assertThat(f.whole().resources()).extracting(Forecast.ResourceLoad::resource).containsExactly(Resource.STORAGE);
    assertThat(f.whole().resource(Resource.STORAGE).orElseThrow().limited()).isFalse();
    assertThat(ForecastText.render(f)).contains("models no processing or review").contains("unlimited");
  }

  @Test
  void textOnlyTipsCostOneReadOfTheReviewer() {
    TipCost none = TipCost.of(java.util.List.of(), capacity(false));
    assertThat(none.reviewSeconds()).isEqualTo(10);
    assertThat(none.bytes()).isZero();
    TipCost video = TipCost.of(java.util.List.of(new dev.tipflood.loadgen.plan.MediaFile("/v.avi", "video/x-msvideo",
        2_000_000)), capacity(false));
    // 2,000,000 bytes at 1,000,000 bytes per minute: 2 minutes of video at 60 s per minute
    assertThat(video.reviewSeconds()).isCloseTo(120, within(1e-9));
    assertThat(video.processingSeconds()).isCloseTo(2 * 2_000_000 / MIB, within(1e-9));
  }
}
