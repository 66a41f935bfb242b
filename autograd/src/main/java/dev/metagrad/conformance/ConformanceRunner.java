package dev.metagrad.conformance;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs golden files against the library:
 * <pre>
 * conformance [--only PREFIX[,PREFIX...]] [FILE...]
 * </pre>
 * Each file's {@code "suite"} field picks the {@link ConformanceSuite} that runs it. Without files the
 * golden files bundled with every suite on the classpath run. {@code --only} keeps the cases whose id, op
 * or kind starts with one of the prefixes. The output is one line per failing case, then
 * {@code N passed, M failed}; the exit status is 0 only when nothing failed.
 */
public final class ConformanceRunner {
    /** Exit status when every selected case passed. */
    public static final int OK = 0;
    /** Exit status when a selected case failed. */
    public static final int FAILED = 1;
    /** Exit status for a bad command line or a golden file that cannot be loaded. */
    public static final int USAGE = 2;

    /** The usage text of the command. */
    public static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: conformance [--only PREFIX[,PREFIX...]] [FILE...]",
            "  Runs golden conformance files against metagrad; each file's \"suite\" field picks the runner.",
            "  Without FILE, runs the golden files bundled in the jar.",
            "  --only P,...  run only the cases whose id, op or kind starts with one of the prefixes",
            "  -h, --help    show this help",
            "  Prints one line per failing case and ends with \"N passed, M failed\";",
            "  exit status 0 when nothing failed, 1 when a case failed, 2 for usage or file errors.");

    private ConformanceRunner() {
    }

    /**
     * A parsed command line.
     *
     * @param filter which cases to run
     * @param files  golden files to read from disk; empty means the bundled ones
     */
    public record Options(CaseFilter filter, List<Path> files) {
        /** Copies the file list. */
        public Options {
            files = List.copyOf(files);
        }
    }

    /** A command line the runner does not understand; the message says why. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** An exception with the given message. */
        public UsageException(String message) {
            super(message);
        }
    }

    /** Runs from the command line and exits with the status of {@link #run(String[], PrintStream, PrintStream)}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command line, printing failures and the closing line to {@code out} and problems to {@code err}.
     *
     * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> argList = List.of(args);
        if (argList.contains("-h") || argList.contains("--help")) {
            out.println(USAGE_TEXT);
            return OK;
        }
        Options options;
        try {
            options = parse(argList);
        } catch (UsageException e) {
            err.println("conformance: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        List<GoldenDocument> documents;
        List<List<ConformanceCase>> cases = new ArrayList<>();
        try {
            documents = load(options.files());
            for (GoldenDocument d : documents) {
                cases.add(cases(d));
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("conformance: " + e.getMessage());
            return USAGE;
        }
        List<CaseResult> results = new ArrayList<>();
        for (List<ConformanceCase> fileCases : cases) {
            results.addAll(runCases(fileCases, options.filter(), r -> {
                if (!r.passed()) {
                    out.println(r.describe());
                }
            }));
        }
        ConformanceReport report = new ConformanceReport(results);
        if (results.isEmpty() && !options.filter().prefixes().isEmpty()) {
            err.println("conformance: no case matches --only " + String.join(",", options.filter().prefixes()));
        }
        out.println(report.summary());
        out.flush();
        return report.failed() == 0 ? OK : FAILED;
    }

    /**
     * Parses the arguments (without the command name).
     *
     * @throws UsageException for an unknown option or {@code --only} without a value
     */
    public static Options parse(List<String> args) {
        List<String> prefixes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        boolean onlyFiles = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (onlyFiles || !a.startsWith("-") || a.equals("-")) {
                files.add(Path.of(a));
            } else if (a.equals("--")) {
                onlyFiles = true;
            } else if (a.equals("--only")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--only needs a value: a comma-separated list of prefixes");
                }
                prefixes.addAll(CaseFilter.parse(args.get(++i)).prefixes());
            } else if (a.startsWith("--only=")) {
                prefixes.addAll(CaseFilter.parse(a.substring("--only=".length())).prefixes());
            } else {
                throw new UsageException("unknown option " + a);
            }
        }
        return new Options(CaseFilter.prefixes(prefixes), files);
    }

    /**
     * The golden documents to run: the given files, or with none the bundled files of every suite.
     *
     * @throws IllegalArgumentException when a file is not a JSON object
     * @throws UncheckedIOException     when a file cannot be read
     */
    public static List<GoldenDocument> load(List<Path> files) {
        List<GoldenDocument> documents = new ArrayList<>();
        if (files.isEmpty()) {
            for (ConformanceSuite suite : ConformanceSuites.all().values()) {
                for (String resource : suite.bundledResources()) {
                    documents.add(GoldenDocument.resource(resource));
                }
            }
        } else {
            for (Path f : files) {
                documents.add(GoldenDocument.read(f));
            }
        }
        return documents;
    }

    /**
     * The cases of a document, from the suite its {@code "suite"} field names.
     *
     * @throws IllegalArgumentException for an unknown suite (the message lists the known ones) or a
     *                                  malformed file
     */
    public static List<ConformanceCase> cases(GoldenDocument document) {
        ConformanceSuite suite;
        try {
            suite = ConformanceSuites.get(document.suiteName());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(document.source() + ": " + e.getMessage(), e);
        }
        return suite.cases(document.root(), document.source());
    }

    /**
     * Runs the selected cases in order, handing each result to {@code listener} as it comes.
     *
     * @return the results of the selected cases
     */
    public static List<CaseResult> runCases(List<ConformanceCase> cases, CaseFilter filter, Consumer<CaseResult> listener) {
        List<CaseResult> results = new ArrayList<>();
        for (ConformanceCase c : cases) {
            if (!filter.test(c)) {
                continue;
            }
            CaseResult r = c.run();
            results.add(r);
            listener.accept(r);
        }
        return results;
    }

    /**
     * Runs documents already loaded, without printing.
     *
     * @throws IllegalArgumentException for an unknown suite or a malformed file
     */
    public static ConformanceReport run(List<GoldenDocument> documents, CaseFilter filter) {
        List<CaseResult> results = new ArrayList<>();
        for (GoldenDocument d : documents) {
            results.addAll(runCases(cases(d), filter, r -> { }));
        }
        return new ConformanceReport(results);
    }

    /** The suites on the classpath and their bundled files, for diagnostics. */
    public static Map<String, ConformanceSuite> suites() {
        return ConformanceSuites.all();
    }
}
