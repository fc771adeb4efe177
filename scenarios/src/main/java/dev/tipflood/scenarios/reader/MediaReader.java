package dev.tipflood.scenarios.reader;

import dev.tipflood.binding.Conv;
import dev.tipflood.binding.Convs;
import dev.tipflood.binding.MapView;
import dev.tipflood.binding.Rule;
import dev.tipflood.binding.YNode;
import dev.tipflood.scenarios.model.Distribution;
import dev.tipflood.scenarios.model.IntRange;
import dev.tipflood.scenarios.model.MediaMix;
import dev.tipflood.scenarios.model.MediaType;
import dev.tipflood.scenarios.model.MediaTypeSpec;
import dev.tipflood.scenarios.model.SourcePool;
import dev.tipflood.scenarios.model.Variant;
import dev.tipflood.units.ByteSize;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a population's {@code media:} block. */
final class MediaReader {

    /** Sizes are written with byte units and held in bytes. */
    static final Conv<Double> BYTES = (node, path, problems) -> {
        ByteSize b = Convs.byteSize().read(node, path, problems);
        return b == null ? null : (double) b.bytes();
    };

    /** Durations are written with time units and held in milliseconds. */
    static final Conv<Double> MILLIS = (node, path, problems) -> {
        var d = Convs.duration().read(node, path, problems);
        return d == null ? null : (double) d.toMillis();
    };

    private MediaReader() {
    }

    static MediaMix media(MapView m) {
        Integer files = m.optional("files", Convs.integer(Rule.AT_LEAST_ONE), 50);
        IntRange perTip = m.optional("perTip", MediaReader::perTip, new IntRange(1, 1));
        List<MediaTypeSpec> types = m.required("types", Convs.object(MediaReader::types),
                "a mapping from media type (photo, gif, video, none) to {weight, size, ...}");
        Optional<SourcePool> pool = m.optional("sourcePool", Convs.object(MediaReader::pool));
        Double witness = m.optional("witnessClusterShare", Convs.number(Rule.FRACTION), 0.0);
        return m.build(() -> new MediaMix(files, perTip, types, pool, witness));
    }

    /** {@code perTip: 2} or {@code perTip: {min: 1, max: 3}}. */
    private static IntRange perTip(YNode node, String path, dev.tipflood.binding.Problems problems) {
        if (node instanceof YNode.Scalar) {
            Integer n = Convs.integer(Rule.AT_LEAST_ONE).read(node, path, problems);
            return n == null ? null : new IntRange(n, n);
        }
        return Convs.object(r -> {
            Integer min = r.required("min", Convs.integer(Rule.COUNT), "the fewest media per tip");
            Integer max = r.required("max", Convs.integer(Rule.AT_LEAST_ONE), "the most media per tip");
            return r.build(() -> new IntRange(min, max));
        }).read(node, path, problems);
    }

    private static List<MediaTypeSpec> types(MapView m) {
        List<MediaTypeSpec> out = new ArrayList<>();
        for (MediaType type : MediaType.values()) {
            m.optional(type.id(), Convs.object(t -> type(t, type))).ifPresent(out::add);
        }
        return m.build(() -> out);
    }

    private static MediaTypeSpec type(MapView m, MediaType type) {
        Double weight = m.required("weight", Convs.number(Rule.NON_NEGATIVE), "relative weight, >= 0");
        Optional<Distribution> size = m.optional("size", Kinds.DISTRIBUTIONS.conv(BYTES));
        Optional<Distribution> duration = m.optional("duration", Kinds.DISTRIBUTIONS.conv(MILLIS));
        Double png = m.optional("pngShare", Convs.number(Rule.FRACTION), 0.0);
        return m.build(() -> new MediaTypeSpec(type, weight, size, duration, png));
    }

    private static SourcePool pool(MapView m) {
        Integer size = m.required("size", Convs.integer(Rule.AT_LEAST_ONE), "distinct sources per media type");
        Map<Variant, Double> variants = m.required("variants", Convs.object(MediaReader::variants),
                "weights of exact, reencode, resize, crop, caption");
        return m.build(() -> new SourcePool(size, variants));
    }

    private static Map<Variant, Double> variants(MapView m) {
        Map<Variant, Double> out = new EnumMap<>(Variant.class);
        for (Variant v : Variant.values()) {
            m.optional(v.id(), Convs.number(Rule.NON_NEGATIVE)).ifPresent(w -> out.put(v, w));
        }
        return m.build(() -> out);
    }
}
