package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;

/**
 * How realistic a population's tip metadata is; each share is the probability that one tip has
 * the property.
 *
 * @param inJurisdiction  share located inside {@code jurisdiction}
 * @param realDescription share with a meaningful description (not empty, not a hashtag or lyric)
 * @param plausibleTime   share whose {@code occurredAt} is recent and not in the future
 * @param jurisdiction    the bounding box; Dallas by default
 */
public record MetadataRealism(double inJurisdiction, double realDescription, double plausibleTime,
                              BoundingBox jurisdiction) {
    public MetadataRealism {
        Checks.of().check("inJurisdiction", inJurisdiction, Rule.FRACTION)
                .check("realDescription", realDescription, Rule.FRACTION)
                .check("plausibleTime", plausibleTime, Rule.FRACTION).notNull("jurisdiction", jurisdiction).done();
    }
}
