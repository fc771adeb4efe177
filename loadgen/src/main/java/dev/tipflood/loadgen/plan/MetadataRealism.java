package dev.tipflood.loadgen.plan;

/**
 * How plausible a population's metadata JSON is.
 *
 * @param locationInsideShare    share of tips whose lat/lon lie inside {@code bbox}
 * @param realDescriptionShare   share with a real description (else a hashtag or empty-ish text)
 * @param plausibleTimeShare     share whose {@code occurredAt} is within the last hours
 * @param bbox                   jurisdiction bounding box
 */
public record MetadataRealism(double locationInsideShare, double realDescriptionShare,
                              double plausibleTimeShare, BoundingBox bbox) {
  public MetadataRealism {
    Plans.requireShare(locationInsideShare, "realism.locationInsideShare");
    Plans.requireShare(realDescriptionShare, "realism.realDescriptionShare");
    Plans.requireShare(plausibleTimeShare, "realism.plausibleTimeShare");
    if (bbox == null) {
      bbox = BoundingBox.DALLAS;
    }
  }

  /** A WGS84 box. */
  public record BoundingBox(double minLat, double minLon, double maxLat, double maxLon) {
    /** The City of Dallas, roughly. */
    public static final BoundingBox DALLAS = new BoundingBox(32.62, -96.999, 33.023, -96.463);

    public BoundingBox {
      if (!(minLat < maxLat && minLon < maxLon && minLat >= -90 && maxLat <= 90 && minLon >= -180 && maxLon <= 180)) {
        throw new IllegalArgumentException("realism.bbox must have min < max within WGS84 bounds");
      }
    }
  }
}
