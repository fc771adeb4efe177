package dev.tipflood.scenarios.model;

import java.util.Locale;

/** How a junk upload is derived from a file of its population's shared source pool. */
public enum Variant {
    /** The source's bytes, re-uploaded unchanged (same SHA-256). */
    EXACT,
    /** The same frames re-encoded at another JPEG quality. */
    REENCODE,
    /** Scaled down to 50–90 % of the source's dimensions. */
    RESIZE,
    /** 2–6 % cropped from the edges. */
    CROP,
    /** A text caption drawn over the picture. */
    CAPTION;

    /** The YAML spelling: {@code exact}, {@code reencode}, {@code resize}, {@code crop}, {@code caption}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
