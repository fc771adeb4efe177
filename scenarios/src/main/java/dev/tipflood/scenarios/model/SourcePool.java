package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A junk population's shared pool of source media (the same few fancams re-posted by
 * thousands) and the mix of variants uploads are made from.
 *
 * @param size     number of distinct sources per media type
 * @param variants relative weight of each variant; missing variants have weight 0
 */
public record SourcePool(int size, Map<Variant, Double> variants) {
    public SourcePool {
        Checks.of().check("size", size, Rule.AT_LEAST_ONE).notNull("variants", variants).done();
        EnumMap<Variant, Double> ordered = new EnumMap<>(Variant.class);
        ordered.putAll(variants);
        variants = Collections.unmodifiableMap(ordered);
        Checks c = Checks.of();
        variants.forEach((v, w) -> c.check("variants." + v.id(), w, Rule.NON_NEGATIVE));
        c.require(variants.values().stream().mapToDouble(Double::doubleValue).sum() > 0, "variants",
                variants, "at least one variant needs a weight > 0").done();
    }
}
