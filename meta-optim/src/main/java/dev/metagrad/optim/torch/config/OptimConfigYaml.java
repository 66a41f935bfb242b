package dev.metagrad.optim.torch.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes the {@code optim:} section of a GraphGym YAML configuration:
 * <pre>
 * optim:
 *   optimizer: sgd        # a registered optimizer name
 *   base_lr: 0.1
 *   weight_decay: 5e-4
 *   momentum: 0.9
 *   scheduler: step       # none (or null), step, cos, or a registered name
 *   steps: [30, 60, 90]
 *   lr_decay: 0.1
 *   max_epoch: 100
 * </pre>
 * Every key is optional; a missing one keeps GraphGym's default ({@link OptimizerConfig#defaults()},
 * {@link SchedulerConfig#defaults()}), and so does a file without an {@code optim:} section or an empty file.
 * Other top-level sections ({@code dataset:}, {@code model:}, ...) belong to the rest of a GraphGym
 * configuration and are ignored. Inside {@code optim:} an unknown or repeated key is an error, as in GraphGym's
 * configuration system.
 *
 * <p>Numbers may be written as YAML numbers or as strings holding a decimal number ({@code 5e-4}, which YAML 1.1
 * reads as a string, is accepted as GraphGym accepts it); integers are required for {@code steps} and
 * {@code max_epoch}. Every error is a {@link ConfigFormatException} naming the file, the line and the key.
 * Parsing uses SnakeYAML's composer, which builds no Java objects from tags, so untrusted files are safe to read.
 */
public final class OptimConfigYaml {
    /** The keys of the {@code optim:} section, in GraphGym's order. */
    public static final List<String> KEYS = List.of("optimizer", "base_lr", "weight_decay", "momentum", "scheduler",
            "steps", "lr_decay", "max_epoch");

    private static final String SECTION = "optim";
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Set<String> YAML_WORDS = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n");

    private OptimConfigYaml() {
    }

    /**
     * Reads the {@code optim:} section of a YAML file.
     *
     * @throws IOException            when the file cannot be read
     * @throws ConfigFormatException  for bad YAML, an unknown key or a wrong value (message: file, line, key)
     */
    public static OptimConfig load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Reads the {@code optim:} section of YAML text.
     *
     * @param source names the text in error messages (a file name)
     * @throws ConfigFormatException for bad YAML, an unknown key or a wrong value (message: source, line, key)
     */
    public static OptimConfig parse(String yaml, String source) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ConfigFormatException(source, mark == null ? 0 : mark.getLine() + 1, null,
                    "invalid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()), e);
        } catch (YAMLException e) {
            throw new ConfigFormatException(source, 0, null, "invalid YAML: " + e.getMessage(), e);
        }
        if (root == null || isNull(root)) {
            return OptimConfig.defaults();
        }
        if (!(root instanceof MappingNode top)) {
            throw new ConfigFormatException(source, line(root), null,
                    "the top level must be a mapping of sections such as optim:, got " + describe(root), null);
        }
        Map<String, Node> sections = entries(source, top, "").values();
        Node optim = sections.get(SECTION);
        if (optim == null || isNull(optim)) {
            return OptimConfig.defaults();
        }
        if (!(optim instanceof MappingNode section)) {
            throw new ConfigFormatException(source, line(optim), SECTION,
                    "expected a mapping of optimizer and scheduler settings, got " + describe(optim), null);
        }
        Entries entries = entries(source, section, SECTION + ".");
        Map<String, Node> values = entries.values();
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ConfigFormatException(source, entries.keyLines().get(key), SECTION + "." + key,
                        "unknown key; valid keys are " + String.join(", ", KEYS), null);
            }
        }
        Reader r = new Reader(source, values);
        OptimizerConfig o = OptimizerConfig.defaults();
        SchedulerConfig s = SchedulerConfig.defaults();
        return new OptimConfig(
                new OptimizerConfig(r.name("optimizer", o.optimizer()), r.number("base_lr", o.baseLr()),
                        r.number("weight_decay", o.weightDecay()), r.number("momentum", o.momentum())),
                new SchedulerConfig(r.schedulerName(s.scheduler()), r.steps(s.steps()), r.number("lr_decay", s.lrDecay()),
                        r.integer("max_epoch", s.maxEpoch())));
    }

    /**
     * The {@code optim:} section holding {@code config}, in the layout {@link #parse} reads.
     */
    public static String toYaml(OptimConfig config) {
        OptimizerConfig o = config.optimizer();
        SchedulerConfig s = config.scheduler();
        StringBuilder sb = new StringBuilder(SECTION).append(":\n");
        entry(sb, "optimizer", scalar(o.optimizer()));
        entry(sb, "base_lr", number(o.baseLr()));
        entry(sb, "weight_decay", number(o.weightDecay()));
        entry(sb, "momentum", number(o.momentum()));
        entry(sb, "scheduler", scalar(s.scheduler()));
        List<String> steps = new ArrayList<>();
        for (int step : s.steps()) {
            steps.add(Integer.toString(step));
        }
        entry(sb, "steps", "[" + String.join(", ", steps) + "]");
        entry(sb, "lr_decay", number(s.lrDecay()));
        entry(sb, "max_epoch", Integer.toString(s.maxEpoch()));
        return sb.toString();
    }

    private static void entry(StringBuilder sb, String key, String value) {
        sb.append("  ").append(key).append(": ").append(value).append('\n');
    }

    private static String number(double v) {
        // Double.toString round-trips; non-finite values have no decimal spelling that parse accepts
        return Double.isFinite(v) ? Double.toString(v) : "'" + v + "'";
    }

    private static String scalar(String name) {
        if (PLAIN_NAME.matcher(name).matches() && !YAML_WORDS.contains(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        return "'" + name.replace("'", "''") + "'";
    }

    // ----------------------------------------------------------------------------------------------

    /** The entries of a mapping by key, in file order, with the line of each key. */
    private record Entries(Map<String, Node> values, Map<String, Integer> keyLines) {
    }

    private static Entries entries(String source, MappingNode mapping, String prefix) {
        Map<String, Node> out = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode key) || isNull(k)) {
                throw new ConfigFormatException(source, line(k), prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                        "keys must be plain names, got " + describe(k), null);
            }
            String name = key.getValue();
            if (out.containsKey(name)) {
                throw new ConfigFormatException(source, line(k), prefix + name, "given twice (first on line "
                        + firstLine.get(name) + ")", null);
            }
            out.put(name, t.getValueNode());
            firstLine.put(name, line(k));
        }
        return new Entries(out, firstLine);
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static String describe(Node n) {
        if (n instanceof ScalarNode s) {
            return isNull(n) ? "null" : "'" + s.getValue() + "'";
        }
        return n instanceof SequenceNode ? "a list" : "a mapping";
    }

    /** Typed values of the section, each error naming the key and its line. */
    private static final class Reader {
        private final String source;
        private final Map<String, Node> values;

        Reader(String source, Map<String, Node> values) {
            this.source = source;
            this.values = values;
        }

        String name(String key, String fallback) {
            Node n = values.get(key);
            if (n == null) {
                return fallback;
            }
            String text = text(n, key, "a name");
            if (text.isBlank()) {
                throw error(n, key, "expected a name, got an empty string");
            }
            return text;
        }

        String schedulerName(String fallback) {
            Node n = values.get("scheduler");
            if (n == null) {
                return fallback;
            }
            return isNull(n) ? null : name("scheduler", fallback);
        }

        double number(String key, double fallback) {
            Node n = values.get(key);
            if (n == null) {
                return fallback;
            }
            String text = text(n, key, "a number").trim().replace("_", "");
            if (!DECIMAL.matcher(text).matches()) {
                throw error(n, key, "expected a number, got " + describe(n));
            }
            return Double.parseDouble(text);
        }

        int integer(String key, int fallback) {
            Node n = values.get(key);
            return n == null ? fallback : integer(n, "optim." + key);
        }

        List<Integer> steps(List<Integer> fallback) {
            Node n = values.get("steps");
            if (n == null) {
                return fallback;
            }
            if (!(n instanceof SequenceNode seq)) {
                throw error(n, "steps", "expected a list of epochs such as [30, 60, 90], got " + describe(n));
            }
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                out.add(integer(seq.getValue().get(i), "optim.steps[" + i + "]"));
            }
            return out;
        }

        private int integer(Node n, String dottedKey) {
            if (!(n instanceof ScalarNode s) || isNull(n)) {
                throw new ConfigFormatException(source, line(n), dottedKey, "expected an integer, got " + describe(n), null);
            }
            String text = s.getValue().trim().replace("_", "");
            if (!INTEGER.matcher(text).matches()) {
                throw new ConfigFormatException(source, line(n), dottedKey, "expected an integer, got " + describe(n), null);
            }
            long v;
            try {
                v = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                v = Long.MAX_VALUE;
            }
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new ConfigFormatException(source, line(n), dottedKey, "integer " + text + " is out of range", null);
            }
            return (int) v;
        }

        private String text(Node n, String key, String expected) {
            if (!(n instanceof ScalarNode s) || isNull(n)) {
                throw error(n, key, "expected " + expected + ", got " + describe(n));
            }
            return s.getValue();
        }

        private ConfigFormatException error(Node n, String key, String problem) {
            return new ConfigFormatException(source, line(n), "optim." + key, problem, null);
        }
    }
}
