package dev.metagrad.examples.maml;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * The PNG of a MAML-sine run, drawn with java.awt alone (headless): on the left, for a few held-out tasks,
 * the true sinusoid (thin), the model after K adaptation steps (thick) and the support points; on the
 * right, the training meta-loss per iteration and the meta-test losses, on a log scale.
 */
public final class MamlPlot {
    /** Image width in pixels. */
    public static final int WIDTH = 1200;
    /** Image height in pixels. */
    public static final int HEIGHT = 480;
    private static final int PANEL = WIDTH / 2;
    private static final int MARGIN = 50;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};

    private MamlPlot() {
    }

    /**
     * A task drawn in the left panel.
     *
     * @param task    the task (its truth and support points)
     * @param adapted the adapted model's prediction as a function of x
     */
    public record Curve(SineTask task, DoubleUnaryOperator adapted) {
    }

    /**
     * Draws and writes the PNG, creating parent folders.
     *
     * @param curves     tasks for the left panel
     * @param metaLosses training meta-loss of each iteration
     * @param testAt     iterations (1-based) of the meta-tests
     * @param testLosses meta-test losses
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, List<Curve> curves, double[] metaLosses, int[] testAt, double[] testLosses)
            throws IOException {
        System.setProperty("java.awt.headless", "true"); // no display is needed, or wanted, to draw into memory
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            curves(g, curves);
            g.translate(PANEL, 0);
            losses(g, metaLosses, testAt, testLosses);
        } finally {
            g.dispose();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private static void curves(Graphics2D g, List<Curve> curves) {
        double yMax = 1;
        for (Curve c : curves) {
            yMax = Math.max(yMax, Math.abs(c.task().amplitude()) * 1.2);
        }
        Axes ax = new Axes(SineTaskSampler.MIN_X, SineTaskSampler.MAX_X, -yMax, yMax);
        ax.frame(g, "adapted (thick) vs true (thin) sinusoids, support points", "x", "y");
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            g.setColor(COLORS[i % COLORS.length]);
            g.setStroke(new BasicStroke(1f));
            g.draw(ax.function(c.task()::truth));
            g.setStroke(new BasicStroke(2.5f));
            g.draw(ax.function(c.adapted()));
            double[] xs = c.task().supportX().toDoubleArray();
            double[] ys = c.task().supportY().toDoubleArray();
            for (int j = 0; j < xs.length; j++) {
                g.fillOval((int) ax.px(xs[j]) - 4, (int) ax.py(ys[j]) - 4, 8, 8);
            }
        }
    }

    private static void losses(Graphics2D g, double[] metaLosses, int[] testAt, double[] testLosses) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : metaLosses) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (double v : testLosses) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        // log10 axis: losses span decades; guard against zero or a single value
        double lLo = Math.floor(Math.log10(Math.max(lo, 1e-12)));
        double lHi = Math.ceil(Math.log10(Math.max(hi, 1e-12)));
        if (lHi <= lLo) {
            lHi = lLo + 1;
        }
        Axes ax = new Axes(1, Math.max(2, metaLosses.length), lLo, lHi);
        ax.frame(g, "meta-loss (grey: training batches, red: meta-test)", "iteration", "log10 MSE");
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        Path2D.Double train = new Path2D.Double();
        for (int i = 0; i < metaLosses.length; i++) {
            double x = ax.px(i + 1);
            double y = ax.py(Math.log10(Math.max(metaLosses[i], 1e-12)));
            if (i == 0) {
                train.moveTo(x, y);
            } else {
                train.lineTo(x, y);
            }
        }
        g.draw(train);
        g.setColor(COLORS[1]);
        g.setStroke(new BasicStroke(2f));
        Path2D.Double test = new Path2D.Double();
        for (int i = 0; i < testLosses.length; i++) {
            double x = ax.px(testAt[i]);
            double y = ax.py(Math.log10(Math.max(testLosses[i], 1e-12)));
            g.fillOval((int) x - 3, (int) y - 3, 6, 6);
            if (i == 0) {
                test.moveTo(x, y);
            } else {
                test.lineTo(x, y);
            }
        }
        g.draw(test);
    }

    /** Maps data coordinates into a panel and draws its frame. */
    private record Axes(double x0, double x1, double y0, double y1) {
        double px(double x) {
            return MARGIN + (x - x0) / (x1 - x0) * (PANEL - 2 * MARGIN);
        }

        double py(double y) {
            return HEIGHT - MARGIN - (y - y0) / (y1 - y0) * (HEIGHT - 2 * MARGIN);
        }

        Path2D function(DoubleUnaryOperator f) {
            Path2D.Double p = new Path2D.Double();
            int n = 200;
            for (int i = 0; i <= n; i++) {
                double x = x0 + (x1 - x0) * i / n;
                double y = Math.max(y0, Math.min(y1, f.applyAsDouble(x)));
                if (i == 0) {
                    p.moveTo(px(x), py(y));
                } else {
                    p.lineTo(px(x), py(y));
                }
            }
            return p;
        }

        void frame(Graphics2D g, String title, String xLabel, String yLabel) {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(MARGIN, MARGIN, PANEL - 2 * MARGIN, HEIGHT - 2 * MARGIN);
            g.drawString(title, MARGIN, MARGIN - 10);
            g.drawString(xLabel, PANEL / 2 - 20, HEIGHT - 12);
            g.drawString(yLabel, 4, MARGIN - 28); // above the title, which starts at the frame
            g.drawString(label(x0), MARGIN - 4, HEIGHT - MARGIN + 15);
            g.drawString(label(x1), PANEL - MARGIN - 20, HEIGHT - MARGIN + 15);
            g.drawString(label(y0), 6, HEIGHT - MARGIN);
            g.drawString(label(y1), 6, MARGIN + 10);
        }

        private static String label(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2g", v);
        }
    }
}
