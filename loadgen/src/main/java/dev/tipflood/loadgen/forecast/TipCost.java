package dev.tipflood.loadgen.forecast;

import dev.tipflood.loadgen.plan.MediaFile;
import java.util.List;
import java.util.Locale;

/**
 * The work one tip brings to each modelled resource, with the server's own cost model
 * (docs/capacity-model.md).
 *
 * @param bytes             media bytes stored
 * @param processingSeconds worker time: {@code costPerMb[kind] x MiB}, summed over its parts
 * @param reviewSeconds     reviewer time: {@code perPhoto} per still (one for a text-only tip), plus
 *                          {@code perVideoMinute} per video minute estimated from its size
 */
public record TipCost(double bytes, double processingSeconds, double reviewSeconds) {
  private static final double MIB = 1024d * 1024;

  /** The cost of one tip with these media. */
  public static TipCost of(List<MediaFile> tip, ProfileCapacity capacity) {
    double size = 0;
    double processing = 0;
    long stills = 0;
    double videoMinutes = 0;
    for (MediaFile f : tip) {
      size += f.bytes();
      processing += capacity.secondsPerMiB().forContentType(f.contentType()) * f.bytes() / MIB;
      if (f.contentType().toLowerCase(Locale.ROOT).startsWith("video/")) {
        videoMinutes += capacity.videoBytesPerMinute() > 0 ? (double) f.bytes() / capacity.videoBytesPerMinute() : 0;
      } else {
        stills++;
      }
    }
    double review = (tip.isEmpty() ? 1 : stills) * capacity.secondsPerPhoto()
        + videoMinutes * capacity.secondsPerVideoMinute();
    return new TipCost(size, processing, review);
  }
}
