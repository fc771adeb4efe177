package dev.tipflood.scenarios.corpus.render;

/**
 * Where the camera stands relative to a scene: a shift (fractions of the frame), a zoom
 * (1 = whole scene; crops and witness viewpoints zoom in slightly) and an exposure factor.
 */
public record View(double dx, double dy, double zoom, double exposure) {
    public static final View IDENTITY = new View(0, 0, 1, 1);

    /** This view cropped by {@code share} of each edge, i.e. zoomed in around the centre. */
    public View cropped(double share) {
        return new View(dx, dy, zoom / (1 - 2 * share), exposure);
    }
}
