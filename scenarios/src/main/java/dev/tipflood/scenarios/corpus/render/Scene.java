package dev.tipflood.scenarios.corpus.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A procedural scene made from a seed: a smooth random colour field with large shapes on top
 * and small detail. The large-scale layout is random per seed, so any two scenes are far apart
 * under a perceptual hash; the same scene seen through a slightly different {@link View} stays
 * close. Shapes move over time for animated GIFs and videos.
 */
public final class Scene {
    /** Captions fans put on re-posted clips (drawn with {@link Caption}'s block font). */
    public static final List<String> CAPTIONS = List.of("#FANCAM", "STREAM NOW", "VOTE", "#KPOP", "STAN", "WOW FANCAM");

    private static final int FIELD = 5;

    private final int[] field;
    private final List<Shape> shapes;

    private record Shape(int type, Color color, double x, double y, double w, double h, double vx, double vy) {
    }

    private Scene(int[] field, List<Shape> shapes) {
        this.field = field;
        this.shapes = shapes;
    }

    /** The scene for a seed; the same seed always gives the same scene. */
    public static Scene of(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] field = new int[FIELD * FIELD];
        for (int i = 0; i < field.length; i++) {
            field[i] = Color.HSBtoRGB((float) r.nextDouble(), 0.3f + 0.6f * (float) r.nextDouble(),
                    (float) (0.08 + 0.92 * r.nextDouble()));
        }
        List<Shape> shapes = new ArrayList<>();
        int big = 3 + r.nextInt(4);
        for (int i = 0; i < big + 25; i++) {
            double size = i < big ? 0.15 + 0.3 * r.nextDouble() : 0.01 + 0.03 * r.nextDouble();
            Color c = Color.getHSBColor((float) r.nextDouble(), 0.5f + 0.5f * (float) r.nextDouble(),
                    0.2f + 0.8f * (float) r.nextDouble());
            shapes.add(new Shape(r.nextInt(3), c, r.nextDouble(), r.nextDouble(), size * (0.6 + 0.8 * r.nextDouble()),
                    size, (r.nextDouble() - 0.5) * 0.1, (r.nextDouble() - 0.5) * 0.1));
        }
        return new Scene(field, List.copyOf(shapes));
    }

    /**
     * Renders one picture of the scene.
     *
     * @param t       seconds since the clip started (shapes drift)
     * @param caption text drawn over the bottom, if any
     */
    public BufferedImage render(int width, int height, View view, double t, Optional<String> caption) {
        return camera(width, height, view, caption).frame(t);
    }

    /**
     * A fixed camera on this scene: the background is rendered once, so the frames of a clip
     * only cost the moving shapes and a copy.
     */
    public Camera camera(int width, int height, View view, Optional<String> caption) {
        BufferedImage bg = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = bg.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setTransform(transform(width, height, view));
            g.drawImage(background(view.exposure()), -width / 4, -height / 4, width * 3 / 2, height * 3 / 2, null);
        } finally {
            g.dispose();
        }
        return new Camera(bg, view, caption);
    }

    /** Renders frames of the scene from one viewpoint. */
    public final class Camera {
        private final BufferedImage background;
        private final View view;
        private final Optional<String> caption;

        private Camera(BufferedImage background, View view, Optional<String> caption) {
            this.background = background;
            this.view = view;
            this.caption = caption;
        }

        /** The picture at {@code t} seconds. */
        public BufferedImage frame(double t) {
            int width = background.getWidth();
            int height = background.getHeight();
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                g.drawImage(background, 0, 0, null);
                g.setTransform(transform(width, height, view));
                drawShapes(g, width, height, t, view.exposure());
                g.setTransform(new AffineTransform());
                caption.ifPresent(text -> Caption.draw(g, text, width, height));
            } finally {
                g.dispose();
            }
            return img;
        }
    }

    private static AffineTransform transform(int width, int height, View view) {
        AffineTransform base = new AffineTransform();
        base.translate(width / 2.0, height / 2.0);
        base.scale(view.zoom(), view.zoom());
        base.translate(-width / 2.0 + view.dx() * width, -height / 2.0 + view.dy() * height);
        return base;
    }

    private void drawShapes(Graphics2D g, int width, int height, double t, double exposure) {
        for (Shape s : shapes) {
            g.setColor(expose(s.color(), exposure));
            double x = ((s.x() + s.vx() * t) % 1.0 + 1.0) % 1.0 * width;
            double y = ((s.y() + s.vy() * t) % 1.0 + 1.0) % 1.0 * height;
            double w = s.w() * width;
            double h = s.h() * height;
            g.fill(switch (s.type()) {
                case 0 -> new Ellipse2D.Double(x - w / 2, y - h / 2, w, h);
                case 1 -> new Rectangle2D.Double(x - w / 2, y - h / 2, w, h);
                default -> triangle(x, y, w, h);
            });
        }
    }

    private BufferedImage background(double exposure) {
        BufferedImage small = new BufferedImage(FIELD, FIELD, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < field.length; i++) {
            small.setRGB(i % FIELD, i / FIELD, expose(new Color(field[i]), exposure).getRGB());
        }
        return small;
    }

    private static java.awt.Shape triangle(double x, double y, double w, double h) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x, y - h / 2);
        p.lineTo(x + w / 2, y + h / 2);
        p.lineTo(x - w / 2, y + h / 2);
        p.closePath();
        return p;
    }

    private static Color expose(Color c, double exposure) {
        return new Color(clamp(c.getRed() * exposure), clamp(c.getGreen() * exposure), clamp(c.getBlue() * exposure));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
