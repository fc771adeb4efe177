package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;
import java.util.List;
import java.util.Optional;

/**
 * What a population uploads. A tip first draws its type from {@code types} by weight
 * ({@code none} = metadata only), then {@code perTip} files of that type.
 *
 * @param files               distinct files generated in the corpus for this population
 * @param perTip              media files per tip (for types other than none)
 * @param types               the mix, at least one entry with weight > 0
 * @param sourcePool          junk only: the shared pool uploads derive from
 * @param witnessClusterShare legit only: share of files that are near-duplicates of another
 *                            legit file (several witnesses filming the same incident)
 */
public record MediaMix(int files, IntRange perTip, List<MediaTypeSpec> types, Optional<SourcePool> sourcePool,
                       double witnessClusterShare) {
    public MediaMix {
        Checks.of().check("files", files, Rule.AT_LEAST_ONE).notNull("perTip", perTip).notNull("types", types)
                .notNull("sourcePool", sourcePool).check("witnessClusterShare", witnessClusterShare, Rule.FRACTION)
                .done();
        types = List.copyOf(types);
        Checks.of().require(types.stream().mapToDouble(MediaTypeSpec::weight).sum() > 0, "types", "all weights 0",
                        "at least one media type needs a weight > 0")
                .require(types.stream().map(MediaTypeSpec::type).distinct().count() == types.size(), "types",
                        types.stream().map(t -> t.type().id()).toList(), "each media type at most once")
                .done();
    }

    /** The entry for a type, if the mix has one. */
    public Optional<MediaTypeSpec> type(MediaType type) {
        return types.stream().filter(t -> t.type() == type).findFirst();
    }

    /** Types that produce files: weight > 0 and not {@code none}. */
    public List<MediaTypeSpec> fileTypes() {
        return types.stream().filter(t -> t.type() != MediaType.NONE && t.weight() > 0).toList();
    }
}
