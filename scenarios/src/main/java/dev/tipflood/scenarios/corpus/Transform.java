package dev.tipflood.scenarios.corpus;

import dev.tipflood.scenarios.model.Variant;
import java.util.Locale;

/**
 * How a corpus file was made from its scene: {@code ORIGINAL} (a legit file with its own
 * scene), {@code WITNESS} (a legit file showing the same incident as the rest of its cluster,
 * from a slightly different view), or one of the junk {@link Variant}s of a pool source.
 */
public enum Transform {
    ORIGINAL, WITNESS, EXACT, REENCODE, RESIZE, CROP, CAPTION;

    /** The transform that records a junk variant. */
    public static Transform of(Variant variant) {
        return valueOf(variant.name());
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
