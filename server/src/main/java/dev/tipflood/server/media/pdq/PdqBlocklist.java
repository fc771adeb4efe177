package dev.tipflood.server.media.pdq;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The junk blocklist with crop and caption views ({@link PdqViews}): two {@link PdqIndex}es, one
 * for whole and zoomed hashes, one for top cuts (each entry tagged with its share, so a cut is
 * only compared with a cut of the same share). A reviewer's junk verdict lists a picture under 12
 * hashes (whole, 8 centre crops, 3 top cuts); ops-seeded hashes are listed as whole hashes. An
 * upload costs 5 lookups (whole and zoomed in the first index, its 3 top cuts in the second).
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
  private static final int SHARES = PdqViews.TOP_SHARES.size();

  private final PdqIndex whole = new PdqIndex();
  /** Top cuts: id {@code verdict * SHARES + share index}. */
  private final PdqIndex top = new PdqIndex();

  /** Lists a picture judged junk under all its views; returns how many hashes were usable and listed. */
  public int addVerdict(PdqHasher hasher, BufferedImage picture, long id) {
    return addListing(PdqViews.listing(hasher, picture), id);
  }

  /** Lists views hashed elsewhere ({@link PdqViews#listing}); returns how many were usable and listed. */
  public int addListing(PdqViews.Listing listing, long id) {
    int added = 0;
    for (PdqResult r : listing.wholes()) {
      added += add(whole, r, id);
    }
    for (int s = 0; s < SHARES; s++) {
      added += add(top, listing.tops().get(s), id * SHARES + s);
    }
    return added;
  }

  /** Lists a known hash (a blocklist file line, the admin endpoint) as a whole-picture hash. */
  public void addHash(PdqHash hash, long id) {
    whole.add(hash, id);
  }

  /** The nearest listed hash within {@link PdqMatching#MAX_DISTANCE} of any of the query's views, compared by kind. */
  public Optional<PdqIndex.Match> match(PdqViews.Query query) {
    return matches(query).stream().min(Comparator.comparingInt(PdqIndex.Match::distance)
        .thenComparingLong(PdqIndex.Match::id));
  }

  /**
   * Every listed hash within {@link PdqMatching#MAX_DISTANCE} of one of the query's views (by
   * kind); a picture listed under several matching views comes once per view.
   */
  public List<PdqIndex.Match> matches(PdqViews.Query query) {
    List<PdqIndex.Match> found = new ArrayList<>();
    found.addAll(near(whole, query.whole()));
    found.addAll(near(whole, query.zoomed()));
    for (int s = 0; s < SHARES; s++) {
      for (PdqIndex.Match m : near(top, query.tops().get(s))) {
        if (Math.floorMod(m.id(), SHARES) == s) {
          found.add(new PdqIndex.Match(Math.floorDiv(m.id(), SHARES), m.hash(), m.distance()));
        }
      }
    }
    return found;
  }

  /** Hashes listed, all views counted. */
  public int size() {
    return whole.size() + top.size();
  }

  private static List<PdqIndex.Match> near(PdqIndex index, PdqResult r) {
    return r.usable() ? index.query(r.hash(), PdqMatching.MAX_DISTANCE) : List.of();
  }

  private static int add(PdqIndex index, PdqResult r, long id) {
    if (!r.usable()) {
      return 0;
    }
    index.add(r.hash(), id);
    return 1;
  }
}
