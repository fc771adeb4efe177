package dev.tipflood.scenarios.model;

/** Ground truth of a population's tips: what a perfect reviewer would say. */
public enum Truth {
    LEGIT, JUNK;

    /** The YAML and header spelling: {@code legit} or {@code junk}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
