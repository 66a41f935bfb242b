package dev.metagrad.examples;

import dev.metagrad.conformance.ConformanceRunner;
import dev.metagrad.examples.hyper.HyperCommands;
import dev.metagrad.examples.imaml.ImamlSineCommand;
import dev.metagrad.examples.maml.MamlSineCommand;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code metagrad} command line: {@code metagrad COMMAND [ARGS...]}. Each subcommand is one entry of
 * {@link #COMMANDS}; {@code --help} lists them.
 */
public final class Main {
    /** Exit status for an unknown command or a missing one. */
    public static final int USAGE = 2;

    /** What a subcommand does with its arguments (those after the command name). */
    @FunctionalInterface
    public interface Action {
        /**
         * Runs the subcommand.
         *
         * @return the process exit status
         */
        int run(String[] args, PrintStream out, PrintStream err);
    }

    /**
     * A subcommand.
     *
     * @param name    what the user types
     * @param summary one line for the command list
     * @param action  what it does
     */
    public record Command(String name, String summary, Action action) {
    }

    private static final Map<String, Command> COMMANDS = buildCommands();

    private Main() {
    }

    private static Map<String, Command> buildCommands() {
        Map<String, Command> m = new LinkedHashMap<>();
        add(m, new Command("maml-sine", "train MAML on sinusoid regression; prints meta-test losses, writes a PNG "
                + "(--help for the options)", MamlSineCommand::run));
        add(m, new Command("imaml-sine", "train implicit MAML (proximal inner problem, customRoot + GMRES) on sinusoid "
                + "regression; writes a PNG", ImamlSineCommand::run));
        add(m, new Command("ridge-hyper", "learn per-feature ridge penalties on scikit-learn's diabetes data by implicit "
                + "hypergradients; writes a PNG", HyperCommands.ridge()::run));
        add(m, new Command("logistic-hyper", "learn per-feature L2 penalties of logistic regression on breast_cancer "
                + "by implicit hypergradients; writes a PNG", HyperCommands.logistic()::run));
        add(m, new Command("conformance", "run the golden conformance files against PyTorch references "
                + "([--only P,...] [FILE...])", ConformanceRunner::run));
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Command> m, Command c) {
        if (m.put(c.name(), c) != null) {
            throw new IllegalStateException("command " + c.name() + " registered twice");
        }
    }

    /** The subcommands by name, in the order of the help text. */
    public static Map<String, Command> commands() {
        return COMMANDS;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Dispatches to a subcommand.
     *
     * @return the subcommand's exit status; 0 for {@code --help}; {@link #USAGE} (with the usage on
     *         {@code err}) for a missing or unknown command
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("metagrad: no command given");
            err.print(usage());
            return USAGE;
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            out.print(usage());
            return 0;
        }
        Command command = COMMANDS.get(name);
        if (command == null) {
            err.println("metagrad: unknown command '" + name + "'");
            err.print(usage());
            return USAGE;
        }
        return command.action().run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }

    /** The usage text listing every command. */
    public static String usage() {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append("usage: metagrad COMMAND [ARGS...]").append(nl).append(nl).append("commands:").append(nl);
        int width = COMMANDS.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Command c : COMMANDS.values()) {
            sb.append("  ").append(String.format("%-" + width + "s", c.name())).append("  ").append(c.summary()).append(nl);
        }
        sb.append(nl).append("Run 'metagrad COMMAND --help' for the options of a command.").append(nl);
        return sb.toString();
    }
}
