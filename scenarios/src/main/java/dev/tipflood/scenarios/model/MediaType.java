package dev.tipflood.scenarios.model;

import java.util.Locale;

/** Kinds of media attached to a tip. {@code NONE} means a metadata-only tip. */
public enum MediaType {
    PHOTO, GIF, VIDEO, NONE;

    /** The YAML spelling: {@code photo}, {@code gif}, {@code video}, {@code none}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
