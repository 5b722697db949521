package dev.jetemu.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to measure, from the command line.
 *
 * @param events       events per measured run
 * @param runs         measured runs per case and broker
 * @param warmupEvents events per case and broker in the warm-up pass (0: none)
 * @param cases        the cases, in canonical order
 * @param casesOption  the {@code --cases} value as given, or null: echoed in the reproduce command
 * @param out          where the Markdown report goes
 * @param mosquitto    the Mosquitto executable
 */
record BenchOptions(int events, int runs, int warmupEvents, List<CaseSpec> cases, String casesOption, Path out,
                    Path mosquitto) {

    static final int DEFAULT_EVENTS = 200_000;
    static final int DEFAULT_RUNS = 3;
    /** Enough for the JIT to compile the hot paths of both the broker and the Paho clients. */
    static final int DEFAULT_WARMUP_CAP = 50_000;
    static final Path DEFAULT_OUT = Path.of("docs", "benchmarks.md");
    static final Path DEFAULT_MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    static final String USAGE = """
            Usage: bench/run [--events N] [--runs R] [--warmup N] [--cases LIST] [--out FILE] [--mosquitto PATH]
            Measures delivery of route-add jet-events by jetemu and by Eclipse Mosquitto, on this machine, in one run.
              --events N        events per measured run (default 200000)
              --runs R          measured runs per case and broker, interleaved (default 3)
              --warmup N        events per case and broker in the warm-up pass (default: --events, at most 50000; 0: none)
              --cases LIST      comma-separated: 1sub-qos0, 10sub-qos0, 1sub-qos1, 10sub-qos1, or a part of
                                their names (qos1, 10sub); default all
              --out FILE        the Markdown report (default docs/benchmarks.md)
              --mosquitto PATH  the Mosquitto executable (default /usr/sbin/mosquitto)
            Environment: JAVA_OPTS for the harness's JVM (bench/run); JETEMU_BENCH_JVM_OPTS for jetemu's JVM,
            e.g. a flight recording (default none; the report names them).
            Exit codes: 0 every case delivered every event in order; 1 a case lost or reordered events;
            2 usage error; 3 the environment failed (Mosquitto missing, a broker did not start).""";

    static BenchOptions parse(String... args) throws UsageException {
        int events = DEFAULT_EVENTS;
        int runs = DEFAULT_RUNS;
        Integer warmup = null;
        String cases = null;
        Path out = DEFAULT_OUT;
        Path mosquitto = DEFAULT_MOSQUITTO;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--events" -> events = positive(option, value(args, ++i, option), 1);
                case "--runs" -> runs = positive(option, value(args, ++i, option), 1);
                case "--warmup" -> warmup = positive(option, value(args, ++i, option), 0);
                case "--cases" -> cases = value(args, ++i, option);
                case "--out" -> out = Path.of(value(args, ++i, option));
                case "--mosquitto" -> mosquitto = Path.of(value(args, ++i, option));
                default -> throw new UsageException("unknown option '" + option + "'; see --help");
            }
        }
        List<CaseSpec> selected = cases == null ? CaseSpec.ALL : CaseSpec.select(cases);
        int warmupEvents = warmup != null ? warmup : Math.min(events, DEFAULT_WARMUP_CAP);
        return new BenchOptions(events, runs, warmupEvents, selected, cases, out, mosquitto);
    }

    /** The command that reproduces these figures: bench/run with the options that differ from the defaults. */
    String reproduceCommand() {
        List<String> words = new ArrayList<>(List.of("bench/run", "--events", String.valueOf(events), "--runs",
                String.valueOf(runs)));
        if (warmupEvents != Math.min(events, DEFAULT_WARMUP_CAP)) {
            words.addAll(List.of("--warmup", String.valueOf(warmupEvents)));
        }
        if (casesOption != null) {
            words.addAll(List.of("--cases", casesOption));
        }
        if (!mosquitto.equals(DEFAULT_MOSQUITTO)) {
            words.addAll(List.of("--mosquitto", mosquitto.toString()));
        }
        return String.join(" ", words);
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value; see --help");
        }
        return args[index];
    }

    private static int positive(String option, String text, int minimum) throws UsageException {
        try {
            int value = Integer.parseInt(text.replace("_", ""));
            if (value >= minimum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with what was expected
        }
        throw new UsageException(option + " '" + text + "': expected a whole number of at least " + minimum);
    }
}
