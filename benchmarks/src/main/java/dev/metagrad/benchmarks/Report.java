package dev.metagrad.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Summarises a JMH CSV result file ({@code -rf csv -rff results.csv}) as a Markdown table: µs per op
 * for {@link TinyOpsBenchmark}, GFLOP/s for {@link MatmulBenchmark} ({@code 2 n^3} flops per product),
 * each beside its ratio to the anchors in {@code benchmarks/README.md}.
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.metagrad.benchmarks.Report results.csv
 * }</pre>
 */
public final class Report {
    /** PyTorch's per-op cost for the tiny-op chain, forward + backward, low end of its 5-7 µs range. */
    static final double TORCH_US_PER_OP = 5.0;
    /** What the naive i-k-j Java kernel reaches on square float64 products. */
    static final double NAIVE_GFLOPS = 3.5;

    private Report() {
    }

    /**
     * Prints the summary of the CSV file named by the single argument.
     *
     * @param args the path of a JMH CSV result file
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Report results.csv");
            System.exit(2);
        }
        System.out.print(summarise(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)));
    }

    /** The Markdown summary of the lines of a JMH CSV result file. */
    static String summarise(List<String> lines) {
        StringBuilder tiny = new StringBuilder();
        StringBuilder mm = new StringBuilder();
        List<String> header = split(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = split(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            String bench = row.get("Benchmark");
            String method = bench.substring(bench.lastIndexOf('.') + 1);
            double score = number(row.get("Score"));
            double error = number(row.getOrDefault("Score Error (99.9%)", "NaN"));
            String unit = row.get("Unit");
            if (bench.contains("TinyOpsBenchmark")) {
                double us = toMicros(score, unit);
                tiny.append(String.format(Locale.ROOT, "| %s | %s | %.3f ± %.3f | %.0fx faster |%n",
                        method, row.get("Param: size"), us, toMicros(error, unit), TORCH_US_PER_OP / us));
            } else if (bench.contains("MatmulBenchmark")) {
                int n = Integer.parseInt(row.get("Param: n"));
                double ms = toMicros(score, unit) / 1e3;
                double gflops = 2.0 * n * n * n / (ms * 1e6);
                mm.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4f | %.2f | %.2fx |%n",
                        method, row.get("Param: dtype"), n, ms, gflops, gflops / NAIVE_GFLOPS));
            }
        }
        StringBuilder out = new StringBuilder();
        if (tiny.length() > 0) {
            out.append("| benchmark | elements | µs/op (fwd+bwd) | vs PyTorch 5 µs/op |\n|---|---|---|---|\n").append(tiny).append('\n');
        }
        if (mm.length() > 0) {
            out.append("| form | dtype | n | ms/op | GFLOP/s | vs naive 3.5 GFLOP/s |\n|---|---|---|---|---|---|\n").append(mm);
        }
        return out.toString();
    }

    private static double toMicros(double value, String unit) {
        return switch (unit) {
            case "ns/op" -> value / 1e3;
            case "us/op" -> value;
            case "ms/op" -> value * 1e3;
            case "s/op" -> value * 1e6;
            default -> throw new IllegalArgumentException("unsupported unit " + unit + "; run in AverageTime mode");
        };
    }

    private static double number(String cell) {
        // JMH writes scores with the default locale, which may use a decimal comma
        return cell == null || cell.isEmpty() ? Double.NaN : Double.parseDouble(cell.replace(',', '.'));
    }

    /** Splits one CSV line, honouring double quotes (JMH quotes text and locale-formatted numbers). */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
