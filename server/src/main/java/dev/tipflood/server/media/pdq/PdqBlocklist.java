package dev.tipflood.server.media.pdq;

import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The junk blocklist with crop and caption views ({@link PdqViews}): two {@link PdqIndex}es, one
 * for whole and zoomed hashes, one for top halves. A reviewer's junk verdict lists a picture
 * under 7 hashes (whole, 5 centre crops, top half); ops-seeded hashes are listed as they are.
 * Hashes below {@link PdqMatching#MIN_QUALITY} are never listed nor matched.
 *
 * <pre>{@code
 * PdqBlocklist junk = new PdqBlocklist();
 * junk.addVerdict(hasher, picture, verdictId);                     // on a worker
 * PdqViews.Query q = PdqViews.query(hasher, upload);               // at upload, on a worker
 * Optional<PdqIndex.Match> hit = junk.match(q);                    // distance <= 31
 * }</pre>
 *
 * <p>Thread-safe, as its indexes are.
 */
public final class PdqBlocklist {
  private final PdqIndex whole = new PdqIndex();
  private final PdqIndex top = new PdqIndex();

  /** Lists a picture judged junk under all its views; returns how many hashes were usable and listed. */
  public int addVerdict(PdqHasher hasher, BufferedImage picture, long id) {
    int added = 0;
    for (PdqResult r : PdqViews.zoomed(hasher, picture)) {
      added += add(whole, r, id);
    }
    return added + add(top, hasher.hash(PdqViews.top(picture)), id);
  }

  /** Lists a known hash (a blocklist file line, the admin endpoint) as a whole-picture hash. */
  public void addHash(PdqHash hash, long id) {
    whole.add(hash, id);
  }

  /** The nearest listed hash within {@link PdqMatching#MAX_DISTANCE} of the query's whole or top view. */
  public Optional<PdqIndex.Match> match(PdqViews.Query query) {
    return Stream.concat(matches(whole, query.whole()), matches(top, query.top()))
        .min(Comparator.comparingInt(PdqIndex.Match::distance).thenComparingLong(PdqIndex.Match::id));
  }

  /** Hashes listed, all views counted. */
  public int size() {
    return whole.size() + top.size();
  }

  private static Stream<PdqIndex.Match> matches(PdqIndex index, PdqResult r) {
    return r.usable() ? index.query(r.hash(), PdqMatching.MAX_DISTANCE).stream() : Stream.empty();
  }

  private static int add(PdqIndex index, PdqResult r, long id) {
    if (!r.usable()) {
      return 0;
    }
    index.add(r.hash(), id);
    return 1;
  }
}
