package dev.tipflood.loadgen.gatling;

import dev.tipflood.loadgen.client.Identities;
import dev.tipflood.loadgen.client.MetadataFactory;
import dev.tipflood.loadgen.client.UserStartSchedule;
import dev.tipflood.loadgen.plan.MediaFile;
import dev.tipflood.loadgen.plan.PopulationPlan;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.SplittableRandom;

/**
 * One record source per population (taken by each user on its own event loop, see
 * {@link TipChains}). Each record is one tip: its sequence number, where Gatling starts
 * its user and when it arrives in the open schedule, its identity, its metadata JSON and, if the
 * population sends media, the files it streams; nothing a request does not read.
 * Deterministic from the plan's seed, except {@code occurredAt}, which is relative to now.
 */
final class TipFeeders {
  private TipFeeders() {
  }

  /**
   * @param retries whether the population retries: its records then also start the retry loop's
   *                state (attempt 1, no backoff)
   */
  static Iterator<Map<String, Object>> tips(PopulationPlan population, int index, long seed, boolean retries, Clock clock) {
    return new TipIterator(population, index, seed, retries, clock);
  }

  private static final class TipIterator implements Iterator<Map<String, Object>> {
    private final PopulationPlan population;
    private final PrimitiveIterator.OfLong offsets;
    private final Iterator<Long> arrivals;
    private final Identities identities;
    private final MetadataFactory metadata;
    private final SplittableRandom random;
    private final Clock clock;
    private final boolean retries;
    private final boolean hasMedia;
    private long seq;

    TipIterator(PopulationPlan population, int index, long seed, boolean retries, Clock clock) {
      this.retries = retries;
      this.hasMedia = population.maxMediaPerTip() > 0; // once: it scans every composition
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
    public synchronized Map<String, Object> next() {
      long offset = offsets.nextLong();
      List<MediaFile> media = population.tips().get((int) (seq % population.tips().size()));
      Identities.Identity id = identities.next(random);
      Map<String, Object> r = new HashMap<>(32);
      // Population and truth are constants of the population's request (TipRequests), not attributes.
      r.put(SessionKeys.SEQ, seq++);
      r.put(SessionKeys.OFFSET_MICROS, offset);
      // Both are ordered and binned by the same seconds, so the k-th user gets the k-th arrival.
      r.put(SessionKeys.ARRIVAL_MICROS, UserStartSchedule.LEAD_MICROS + arrivals.next() * 1000);
      r.put(SessionKeys.SOURCE_IP, id.sourceIp());
      r.put(SessionKeys.METADATA, metadata.json(id.deviceId(), clock.instant(), random));
      if (retries) {
        r.put(SessionKeys.ATTEMPT, 1);
        r.put(SessionKeys.AGAIN, true);
        r.put(SessionKeys.BACKOFF_MILLIS, 0L);
      }
      if (!hasMedia) {
        return r;
      }
      r.put(SessionKeys.MEDIA_COUNT, media.size());
      long bytes = 0;
      for (int i = 0; i < media.size(); i++) {
        MediaFile f = media.get(i);
        r.put(SessionKeys.mediaPath(i), f.path());
        r.put(SessionKeys.mediaType(i), f.contentType());
        r.put(SessionKeys.mediaName(i), f.fileName());
        bytes += f.bytes();
      }
      r.put(SessionKeys.BODY_BYTES, bytes);
      return r;
    }
  }
}
