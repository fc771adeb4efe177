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
 *   <li>A listed picture is also hashed at centre crops of {@link #ZOOMS}: a later copy that was
 *       cropped by up to about 7% a side hashes close to one of them.</li>
 *   <li>Both a listed picture and a query are also hashed on their top half ({@link #TOP_SHARE}):
 *       a caption or banner over the lower part leaves it intact.</li>
 * </ul>
 *
 * <p>Views are compared by kind only: a query's whole hash against listed whole and zoomed
 * hashes, its top half against listed top halves. {@link PdqBlocklist} does that.
 */
public final class PdqViews {
  /** Centre-crop zoom factors a listed picture is hashed at, besides 1. */
  public static final List<Double> ZOOMS = List.of(1.03, 1.06, 1.09, 1.12, 1.15);
  /** Share of the height, from the top, of the top view. */
  public static final double TOP_SHARE = 0.5;

  /**
   * What an upload is matched with.
   *
   * @param whole the whole picture's hash
   * @param top   the top part's hash
   */
  public record Query(PdqResult whole, PdqResult top) {
  }

  private PdqViews() {
  }

  /** The two views of an upload. */
  public static Query query(PdqHasher hasher, BufferedImage picture) {
    return new Query(hasher.hash(picture), hasher.hash(top(picture)));
  }

  /** The whole picture and its centre crops at {@link #ZOOMS}: the hashes a junk picture is listed under. */
  public static List<PdqResult> zoomed(PdqHasher hasher, BufferedImage picture) {
    List<PdqResult> out = new ArrayList<>();
    out.add(hasher.hash(picture));
    for (double z : ZOOMS) {
      out.add(hasher.hash(centre(picture, z)));
    }
    return out;
  }

  /** The top {@link #TOP_SHARE} of the picture (a view sharing its pixels). */
  public static BufferedImage top(BufferedImage picture) {
    return picture.getSubimage(0, 0, picture.getWidth(), Math.max(1, (int) (picture.getHeight() * TOP_SHARE)));
  }

  /** The centre {@code 1/zoom} of each side (a view sharing its pixels). */
  static BufferedImage centre(BufferedImage picture, double zoom) {
    int w = picture.getWidth();
    int h = picture.getHeight();
    int cw = Math.max(1, (int) Math.round(w / zoom));
    int ch = Math.max(1, (int) Math.round(h / zoom));
    return picture.getSubimage((w - cw) / 2, (h - ch) / 2, cw, ch);
  }
}
