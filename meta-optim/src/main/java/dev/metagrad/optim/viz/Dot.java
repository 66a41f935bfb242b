package dev.metagrad.optim.viz;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A Graphviz graph in the DOT language, as produced by {@link GraphViz#makeDot}. The text is always
 * available ({@link #source()}, {@link #save(Path)}); turning it into an image needs the Graphviz
 * {@code dot} binary on the {@code PATH}, which metagrad does not ship.
 */
public final class Dot {
    /** Name of the Graphviz layout binary that {@link #render} runs. */
    public static final String BINARY = "dot";
    /** How long {@link #render} waits for {@code dot}; large graphs take seconds, never minutes. */
    private static final long TIMEOUT_SECONDS = 60;
    private static final List<String> FORMATS = List.of("png", "svg");

    private final String source;

    /** Wraps DOT text (normally built by {@link GraphViz#makeDot}). */
    public Dot(String source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The DOT text, starting with {@code digraph}. */
    public String source() {
        return source;
    }

    /**
     * Writes the DOT text to {@code file} (UTF-8), creating parent directories.
     *
     * @return {@code file}
     * @throws IOException when the file cannot be written
     */
    public Path save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, source, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Lays the graph out with Graphviz and writes the image to {@code file}.
     *
     * @param file   the image to write
     * @param format {@code "png"} or {@code "svg"}
     * @return {@code file}
     * @throws IllegalArgumentException when the format is not one of those
     * @throws IllegalStateException    when the {@code dot} binary is not on the {@code PATH} (install Graphviz,
     *                                  or {@link #save} the text and render it elsewhere), when it fails, or
     *                                  when it runs longer than a minute
     * @throws IOException              when the process cannot be run or the file cannot be written
     */
    public Path render(Path file, String format) throws IOException {
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("render: format must be one of " + FORMATS + ", got '" + format + "'");
        }
        if (!isDotAvailable()) {
            throw new IllegalStateException("render: the Graphviz binary '" + BINARY + "' is not on the PATH; install"
                    + " Graphviz to render images, or use save(Path) to write the .dot text");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Process process = new ProcessBuilder(BINARY, "-T" + format, "-o", file.toString())
                .redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(source.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("render: '" + BINARY + "' did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("render: interrupted while waiting for '" + BINARY + "'", e);
        }
        if (process.exitValue() != 0) {
            String message;
            try (InputStream out = process.getInputStream()) {
                message = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            throw new IllegalStateException("render: '" + BINARY + "' exited with " + process.exitValue() + ": " + message);
        }
        return file;
    }

    /** Whether an executable {@code dot} is on the {@code PATH}, i.e. whether {@link #render} can work. */
    public static boolean isDotAvailable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, windows ? BINARY + ".exe" : BINARY);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** The DOT text. */
    @Override
    public String toString() {
        return source;
    }
}
