package dev.metagrad.examples.hyper;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The PNG of a hyper-parameter run, drawn with java.awt alone (headless): on the left the validation loss
 * at each outer step; on the right one horizontal bar per feature, its learned log-penalty {@code l_j}
 * (penalty {@code exp(l_j)}), with the starting value marked.
 */
public final class HyperPlot {
    /** Image width in pixels. */
    public static final int WIDTH = 1200;
    /** Image height in pixels. */
    public static final int HEIGHT = 560;
    private static final int PANEL = WIDTH / 2;
    private static final int MARGIN = 50;
    private static final Color BLUE = new Color(0x1f77b4);
    private static final Color RED = new Color(0xd62728);

    private HyperPlot() {
    }

    /**
     * Draws and writes the PNG, creating parent folders.
     *
     * @param title    the run, for the heading
     * @param lossName the loss, for the axis
     * @param run      the run to draw
     * @param names    feature names, the order of the penalties
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, String title, String lossName, HyperRun run, List<String> names)
            throws IOException {
        System.setProperty("java.awt.headless", "true"); // no display is needed, or wanted, to draw into memory
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.setColor(Color.BLACK);
            g.drawString(title, MARGIN, 20);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            lossCurve(g, lossName, run);
            g.translate(PANEL, 0);
            penalties(g, run, names);
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

    private static void lossCurve(Graphics2D g, String lossName, HyperRun run) {
        double[] v = run.validationLosses();
        double after = run.after().validation().loss();
        double lo = after;
        double hi = after;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-12, Math.abs(hi) * 0.05);
        lo -= pad;
        hi += pad;
        int left = MARGIN + 20;
        int right = PANEL - MARGIN / 2;
        int top = MARGIN + 10;
        int bottom = HEIGHT - MARGIN;
        frame(g, left, top, right, bottom);
        g.drawString(String.format(Locale.ROOT, "validation %s per outer step (test: %s -> %s)", lossName,
                fmt(run.before().test().loss()), fmt(run.after().test().loss())), left, top - 8);
        g.drawString("outer step", (left + right) / 2 - 25, HEIGHT - 14);
        g.drawString(fmt(hi), 4, top + 10);
        g.drawString(fmt(lo), 4, bottom);
        g.drawString("0", left - 3, bottom + 15);
        g.drawString(String.valueOf(v.length), right - 20, bottom + 15);
        Path2D.Double p = new Path2D.Double();
        int steps = v.length;
        for (int i = 0; i <= steps; i++) {
            double y = i < steps ? v[i] : after;
            double px = left + (right - left) * (double) i / Math.max(1, steps);
            double py = bottom - (bottom - top) * (y - lo) / (hi - lo);
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        g.setColor(BLUE);
        g.setStroke(new BasicStroke(2f));
        g.draw(p);
    }

    private static void penalties(Graphics2D g, HyperRun run, List<String> names) {
        double[] l0 = run.initial().toDoubleArray();
        double[] l = run.learned().toDoubleArray();
        double lo = 0;
        double hi = 0;
        for (int j = 0; j < l.length; j++) {
            lo = Math.min(lo, Math.min(l[j], l0[j]));
            hi = Math.max(hi, Math.max(l[j], l0[j]));
        }
        if (hi - lo < 1e-9) {
            hi = lo + 1;
        }
        FontMetrics fm = g.getFontMetrics();
        int labelWidth = 0;
        for (String n : names) {
            labelWidth = Math.max(labelWidth, fm.stringWidth(n));
        }
        int left = Math.min(PANEL / 2, 10 + labelWidth + 8);
        int right = PANEL - MARGIN / 2;
        int top = MARGIN + 10;
        int bottom = HEIGHT - MARGIN;
        frame(g, left, top, right, bottom);
        g.drawString("learned log-penalty l_j (penalty exp(l_j)); red line: start", left, top - 8);
        double rowH = (double) (bottom - top) / l.length;
        double x0 = left + (right - left) * (0 - lo) / (hi - lo);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, rowH < 14 ? 10 : 12);
        g.setFont(small);
        for (int j = 0; j < l.length; j++) {
            int y = (int) (top + j * rowH);
            int h = Math.max(1, (int) (rowH * 0.7));
            double xl = left + (right - left) * (l[j] - lo) / (hi - lo);
            g.setColor(BLUE);
            g.fillRect((int) Math.min(x0, xl), y + (int) (rowH * 0.15), (int) Math.max(1, Math.abs(xl - x0)), h);
            g.setColor(RED);
            int xs = (int) (left + (right - left) * (l0[j] - lo) / (hi - lo));
            g.drawLine(xs, y, xs, (int) (y + rowH));
            g.setColor(Color.BLACK);
            g.drawString(names.get(j), 6, (int) (y + rowH * 0.5 + 4));
        }
        g.drawString(fmt(lo), left - 4, bottom + 15);
        g.drawString(fmt(hi), right - 30, bottom + 15);
    }

    private static void frame(Graphics2D g, int left, int top, int right, int bottom) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, right - left, bottom - top);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
