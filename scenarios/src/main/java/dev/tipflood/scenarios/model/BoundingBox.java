package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;

/** A latitude/longitude box, the jurisdiction that tip locations should fall in. */
public record BoundingBox(double minLat, double minLon, double maxLat, double maxLon) {

    /** The City of Dallas, roughly (the 2020 iWatch Dallas jurisdiction). */
    public static final BoundingBox DALLAS = new BoundingBox(32.62, -96.99, 33.02, -96.55);

    public BoundingBox {
        Checks.of().check("minLat", minLat, Rule.LATITUDE).check("maxLat", maxLat, Rule.LATITUDE)
                .check("minLon", minLon, Rule.LONGITUDE).check("maxLon", maxLon, Rule.LONGITUDE).done();
        Checks.of().require(maxLat > minLat, "maxLat", Rule.format(maxLat), "must be > minLat (" + Rule.format(minLat) + ")")
                .require(maxLon > minLon, "maxLon", Rule.format(maxLon), "must be > minLon (" + Rule.format(minLon) + ")")
                .done();
    }

    public boolean contains(double lat, double lon) {
        return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
    }
}
