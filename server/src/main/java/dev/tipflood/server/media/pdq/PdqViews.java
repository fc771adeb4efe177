package dev.tipflood.server.media.pdq;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Extra views of a picture for a blocklist, because whole-picture PDQ does not survive crops of
 * more than a few percent or a large overlay: a 4% centre crop of a real photograph moves its hash
 * by about 78 bits, a caption band by more (docs/server.md, "PDQ near-duplicate hashing").
 *
 * <ul>
 *   <li><b>Crops.</b> A listed picture is also hashed at centre crops of {@link #LISTED_ZOOMS},
 *       resampled at sub-pixel positions: a later copy cropped by 1-7% a side hashes close to one
 *       of them. An upload is also hashed at the centre crop {@link #QUERY_ZOOM}, a second look at
 *       the same listed hashes (it rescues crops and re-encodes that miss by a few bits).</li>
 *   <li><b>Captions.</b> Both a listed picture and an upload are hashed on their top
 *       {@link #TOP_SHARES}: a caption or banner within the bottom 20%, 30% or 45% of the height
 *       leaves the 80%, 70% or 55% cut intact.
 *       Several cuts, because a short cut is often too flat to hash (quality below 50) and a tall
 *       one is crossed by a big caption.</li>
 * </ul>
 *
 * <p>Views are compared by kind only: an upload's whole and zoomed hashes against the listed whole
 * and zoomed hashes, each top cut against the listed top cut of the same share.
 * {@link PdqBlocklist} does that. The luma is computed once per picture and every view is cut
 * from it ({@link LumaPlane}).
 */
public final class PdqViews {
  /** Centre-crop zoom factors a listed picture is hashed at, besides 1 (a crop of 1-7% a side). */
  public static final List<Double> LISTED_ZOOMS = List.of(1.02, 1.04, 1.06, 1.08, 1.10, 1.12, 1.14, 1.16);
  /** The centre-crop zoom an upload is also hashed at. */
  public static final double QUERY_ZOOM = 1.04;
  /** Shares of the height, from the top, of the top views (listed pictures and uploads alike). */
  public static final List<Double> TOP_SHARES = List.of(0.55, 0.70, 0.80);

  /**
   * What an upload is matched with.
   *
   * @param whole  the whole picture's hash
   * @param zoomed the hash of its centre crop at {@link #QUERY_ZOOM}
   * @param tops   the hashes of its top cuts, one per {@link #TOP_SHARES}, in that order
   */
  public record Query(PdqResult whole, PdqResult zoomed, List<PdqResult> tops) {
    public Query {
      tops = List.copyOf(tops);
      if (tops.size() != TOP_SHARES.size()) {
        throw new IllegalArgumentException("a query has " + TOP_SHARES.size() + " top views, got " + tops.size());
      }
    }
  }

  /**
   * The hashes a junk picture is listed under.
   *
   * @param wholes the whole picture's hash, then one per {@link #LISTED_ZOOMS}
   * @param tops   one per {@link #TOP_SHARES}, in that order
   */
  public record Listing(List<PdqResult> wholes, List<PdqResult> tops) {
    public Listing {
      wholes = List.copyOf(wholes);
      tops = List.copyOf(tops);
    }
  }

  private PdqViews() {
  }

  /** The views of an upload: 5 hashes (whole, one centre crop, three top cuts). */
  public static Query query(PdqHasher hasher, BufferedImage picture) {
    LumaPlane plane = LumaPlane.of(picture);
    return new Query(hasher.hash(plane), hasher.hash(plane.centre(QUERY_ZOOM)), tops(hasher, plane));
  }

  /** The views a junk picture is listed under: 12 hashes (whole, eight centre crops, three top cuts). */
  public static Listing listing(PdqHasher hasher, BufferedImage picture) {
    LumaPlane plane = LumaPlane.of(picture);
    List<PdqResult> wholes = new ArrayList<>();
    wholes.add(hasher.hash(plane));
    for (double z : LISTED_ZOOMS) {
      wholes.add(hasher.hash(plane.centre(z)));
    }
    return new Listing(wholes, tops(hasher, plane));
  }

  private static List<PdqResult> tops(PdqHasher hasher, LumaPlane plane) {
    return TOP_SHARES.stream().map(s -> hasher.hash(plane.top(s))).toList();
  }
}
