package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;
import java.util.Optional;

/**
 * One entry of a media mix.
 *
 * @param type     the media type (the key in YAML)
 * @param weight   relative weight of tips that carry this type (need not sum to 1)
 * @param size     file size distribution in bytes, before {@code scale}; absent only for {@code none}
 * @param duration video duration distribution in milliseconds; present only for {@code video}
 * @param pngShare for photos, the share written as PNG instead of JPEG
 */
public record MediaTypeSpec(MediaType type, double weight, Optional<Distribution> size,
                            Optional<Distribution> duration, double pngShare) {
    public MediaTypeSpec {
        Checks.of().notNull("type", type).check("weight", weight, Rule.NON_NEGATIVE)
                .check("pngShare", pngShare, Rule.FRACTION).notNull("size", size).notNull("duration", duration).done();
        Checks.of()
                .require(type == MediaType.NONE || size.isPresent(), "size", "absent", "a size distribution is required for " + type.id())
                .require(type != MediaType.NONE || size.isEmpty(), "size", "present", "a 'none' entry has no size")
                .require(type == MediaType.VIDEO || duration.isEmpty(), "duration", "present", "only video has a duration")
                .require(type != MediaType.VIDEO || duration.isPresent(), "duration", "absent", "video needs a duration distribution")
                .require(type == MediaType.PHOTO || pngShare == 0, "pngShare", Rule.format(pngShare), "only photos can be PNG")
                .done();
    }
}
