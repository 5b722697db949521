package dev.jetemu.bench;

import dev.jetemu.bench.process.MosquittoProcess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to measure, from the command line.
 *
 * @param sections      the sections to run, in canonical order
 * @param onlyOption    the {@code --only} value as given, or null: echoed in the reproduce command
 * @param events        events per measured throughput run
 * @param runs          measured runs per case (or latency load) and broker
 * @param warmupEvents  events per throughput case and broker in the warm-up pass (0: none)
 * @param cases         the throughput cases, in canonical order
 * @param casesOption   the {@code --cases} value as given, or null
 * @param latencyEvents events per latency run, published at {@value #LATENCY_RATE} per second
 * @param routes        routes the memory scenario adds and withdraws
 * @param startups      measured starts per broker
 * @param jitterRounds  sleeps per length in the jitter measurement
 * @param out           where the Markdown report goes
 * @param mosquitto     the Mosquitto executable
 * @param jar           jetemu's packaged jar, for start-up and memory
 */
record BenchOptions(List<Section> sections, String onlyOption, int events, int runs, int warmupEvents,
                    List<CaseSpec> cases, String casesOption, int latencyEvents, int routes, int startups,
                    int jitterRounds, Path out, Path mosquitto, Path jar) {

    static final int DEFAULT_EVENTS = 200_000;
    static final int DEFAULT_RUNS = 3;
    /** Enough for the JIT to compile the hot paths of the brokers and the harness. */
    static final int DEFAULT_WARMUP_CAP = 50_000;
    /** The rate of the latency measurement: the target is stated at it. */
    static final double LATENCY_RATE = 5_000;
    static final int DEFAULT_LATENCY_EVENTS = 50_000;
    /** The latency warm-up publishes this many at most (two seconds at the rate). */
    static final int LATENCY_WARMUP_CAP = 10_000;
    static final int DEFAULT_ROUTES = 1_000_000;
    static final int DEFAULT_STARTUPS = 5;
    static final int DEFAULT_JITTER_ROUNDS = 300;
    static final Path DEFAULT_OUT = Path.of("docs", "benchmarks.md");
    static final Path DEFAULT_JAR = Path.of("app", "target", "jetemu.jar");

    static final String USAGE = """
            Usage: bench/run [--only SECTIONS] [--events N] [--runs R] [--warmup N] [--cases LIST]
                             [--latency-events N] [--routes N] [--startups N] [--jitter-rounds N]
                             [--out FILE] [--mosquitto PATH] [--jar FILE]
            Measures jetemu beside Eclipse Mosquitto on this machine, in one run, and writes the report.
              --only SECTIONS      comma-separated, default all: throughput (delivered events/s), latency (publish to
                                   delivery at 5000 events/s), startup, memory, edge (jetemu's broker against Moquette
                                   on its own), jitter (accuracy of sleep steps)
              --events N           events per measured throughput run (default 200000)
              --runs R             measured runs per case and broker, interleaved (default 3)
              --warmup N           events per throughput case and broker in the warm-up pass
                                   (default: --events, at most 50000; 0: none)
              --cases LIST         throughput cases, comma-separated: 1sub-qos0, 10sub-qos0, 1sub-qos1, 10sub-qos1,
                                   or a part of their names (qos1, 10sub); default all
              --latency-events N   events per latency run, at 5000 per second (default 50000: 10 s)
              --routes N           routes the memory scenario adds then withdraws (default 1000000)
              --startups N         measured starts per broker (default 5)
              --jitter-rounds N    sleeps per sleep length (1 ms, 10 ms, 100 ms) (default 300)
              --out FILE           the Markdown report (default docs/benchmarks.md)
              --mosquitto PATH     the Mosquitto executable (default /usr/sbin/mosquitto)
              --jar FILE           jetemu's packaged jar (default app/target/jetemu.jar; bench/run builds it)
            Environment: JAVA_OPTS for the harness's JVM (bench/run); JETEMU_BENCH_JVM_OPTS for jetemu's JVM in the
            throughput and latency sections, e.g. a flight recording (default none; the report names them).
            Exit codes: 0 every run delivered every event, once and in order; 1 a run lost, duplicated or reordered
            events, or failed; 2 usage error; 3 the environment failed (Mosquitto missing, a broker did not start).""";

    static BenchOptions parse(String... args) throws UsageException {
        String only = null;
        int events = DEFAULT_EVENTS;
        int runs = DEFAULT_RUNS;
        Integer warmup = null;
        String cases = null;
        int latencyEvents = DEFAULT_LATENCY_EVENTS;
        int routes = DEFAULT_ROUTES;
        int startups = DEFAULT_STARTUPS;
        int jitterRounds = DEFAULT_JITTER_ROUNDS;
        Path out = DEFAULT_OUT;
        Path mosquitto = MosquittoProcess.DEFAULT_EXECUTABLE;
        Path jar = DEFAULT_JAR;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--only" -> only = value(args, ++i, option);
                case "--events" -> events = number(option, value(args, ++i, option), 1);
                case "--runs" -> runs = number(option, value(args, ++i, option), 1);
                case "--warmup" -> warmup = number(option, value(args, ++i, option), 0);
                case "--cases" -> cases = value(args, ++i, option);
                case "--latency-events" -> latencyEvents = number(option, value(args, ++i, option), 1);
                case "--routes" -> routes = number(option, value(args, ++i, option), 1);
                case "--startups" -> startups = number(option, value(args, ++i, option), 1);
                case "--jitter-rounds" -> jitterRounds = number(option, value(args, ++i, option), 1);
                case "--out" -> out = Path.of(value(args, ++i, option));
                case "--mosquitto" -> mosquitto = Path.of(value(args, ++i, option));
                case "--jar" -> jar = Path.of(value(args, ++i, option));
                default -> throw new UsageException("unknown option '" + option + "'; see --help");
            }
        }
        List<Section> sections = only == null ? List.of(Section.values()) : Section.select(only);
        List<CaseSpec> selected = cases == null ? CaseSpec.ALL : CaseSpec.select(cases);
        int warmupEvents = warmup != null ? warmup : Math.min(events, DEFAULT_WARMUP_CAP);
        return new BenchOptions(sections, only, events, runs, warmupEvents, selected, cases, latencyEvents, routes,
                startups, jitterRounds, out, mosquitto, jar);
    }

    boolean runs(Section section) {
        return sections.contains(section);
    }

    /** Events per latency warm-up run. */
    int latencyWarmupEvents() {
        return Math.min(latencyEvents, LATENCY_WARMUP_CAP);
    }

    /** The command that reproduces these figures: bench/run with the options that differ from the defaults. */
    String reproduceCommand() {
        List<String> words = new ArrayList<>(List.of("bench/run"));
        if (onlyOption != null) {
            words.addAll(List.of("--only", onlyOption));
        }
        words.addAll(List.of("--events", String.valueOf(events), "--runs", String.valueOf(runs)));
        if (warmupEvents != Math.min(events, DEFAULT_WARMUP_CAP)) {
            words.addAll(List.of("--warmup", String.valueOf(warmupEvents)));
        }
        if (casesOption != null) {
            words.addAll(List.of("--cases", casesOption));
        }
        addIfNotDefault(words, "--latency-events", latencyEvents, DEFAULT_LATENCY_EVENTS);
        addIfNotDefault(words, "--routes", routes, DEFAULT_ROUTES);
        addIfNotDefault(words, "--startups", startups, DEFAULT_STARTUPS);
        addIfNotDefault(words, "--jitter-rounds", jitterRounds, DEFAULT_JITTER_ROUNDS);
        if (!mosquitto.equals(MosquittoProcess.DEFAULT_EXECUTABLE)) {
            words.addAll(List.of("--mosquitto", mosquitto.toString()));
        }
        if (!jar.equals(DEFAULT_JAR)) {
            words.addAll(List.of("--jar", jar.toString()));
        }
        return String.join(" ", words);
    }

    private static void addIfNotDefault(List<String> words, String option, int value, int defaultValue) {
        if (value != defaultValue) {
            words.addAll(List.of(option, String.valueOf(value)));
        }
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value; see --help");
        }
        return args[index];
    }

    private static int number(String option, String text, int minimum) throws UsageException {
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
