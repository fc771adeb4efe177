package dev.tipflood.loadgen.gatling;

import dev.tipflood.loadgen.client.Identities;
import dev.tipflood.loadgen.client.MetadataFactory;
import dev.tipflood.loadgen.client.UserStartSchedule;
import dev.tipflood.loadgen.plan.MediaFile;
import dev.tipflood.loadgen.plan.PopulationPlan;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.SplittableRandom;

/**
 * One {@link Tip} source per population (taken by each user on its own event loop, see
 * {@link TipChains}). Each tip has its sequence number, where Gatling starts its user and when
 * it arrives in the open schedule, its identity, its metadata JSON and the media files it
 * streams; nothing a request does not read.
 * Deterministic from the plan's seed, except {@code occurredAt}, which is relative to now.
 */
final class TipFeeders {
  private TipFeeders() {
  }

  static Iterator<Tip> tips(PopulationPlan population, int index, long seed, Clock clock) {
    return new TipIterator(population, index, seed, clock);
  }

  private static final class TipIterator implements Iterator<Tip> {
    private final PopulationPlan population;
    private final PrimitiveIterator.OfLong offsets;
    private final Iterator<Long> arrivals;
    private final Identities identities;
    private final MetadataFactory metadata;
    private final SplittableRandom random;
    private final Clock clock;
    private long seq;

    TipIterator(PopulationPlan population, int index, long seed, Clock clock) {
      this.population = population;
      this.offsets = new UserStartSchedule(population.arrivalsPerSecond()).offsetsMicros();
      this.arrivals = population.arrivalOffsetsMillis().iterator();
      this.identities = new Identities(population.name(), index, population.identity());
      this.metadata = new MetadataFactory(population.realism());
      this.random = new SplittableRandom(seed * 31 + index);
      this.clock = clock;
    }

    @Override
    public synchronized boolean hasNext() {
      return offsets.hasNext();
    }

    @Override
    public synchronized Tip next() {
      long offset = offsets.nextLong();
      List<MediaFile> media = population.tips().get((int) (seq % population.tips().size()));
      Identities.Identity id = identities.next(random);
      // Both are ordered and binned by the same seconds, so the k-th user gets the k-th arrival.
      long arrival = UserStartSchedule.LEAD_MICROS + arrivals.next() * 1000;
      return new Tip(seq++, offset, arrival, id.sourceIp(), metadata.json(id.deviceId(), clock.instant(), random), media);
    }
  }
}
