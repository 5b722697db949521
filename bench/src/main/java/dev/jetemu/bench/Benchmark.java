package dev.jetemu.bench;

import dev.jetemu.bench.device.DeviceProcess;
import dev.jetemu.bench.mqtt.ClientLoop;
import dev.jetemu.bench.process.MosquittoProcess;
import dev.jetemu.bench.process.ProcStatus;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark: jetemu beside Eclipse Mosquitto on the same machine in the same run, section
 * by section ({@link Section}), written to the Markdown report; see {@link BenchOptions#USAGE}.
 */
public final class Benchmark {

    /** The harness's clients share this many event loop threads, whichever broker they talk to. */
    static final int CLIENT_THREADS = 2;
    /** The pause after a warm-up pass; see {@code Deliveries.settleCompilers}. */
    static final Duration COMPILER_SETTLE = Duration.ofSeconds(5);

    private final BenchOptions options;
    private final PrintStream progress;

    /** What a benchmark run produced. */
    record Outcome(Results results, ReportWriter report) {
        boolean ok() {
            return results.ok();
        }
    }

    Benchmark(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (UsageException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isExecutable(options.mosquitto())) {
            System.err.println("bench: " + options.mosquitto() + " is not installed; install Debian's package "
                    + "(apt-get install mosquitto) or name the executable with --mosquitto PATH");
            System.exit(3);
            return;
        }
        boolean needsJar = options.runs(Section.STARTUP) || options.runs(Section.MEMORY);
        if (needsJar && !Files.isRegularFile(options.jar())) {
            System.err.println("bench: " + options.jar() + " does not exist; build it with 'mvn -pl app -am package' "
                    + "(bench/run builds it) or name it with --jar FILE");
            System.exit(3);
            return;
        }
        Outcome outcome;
        try {
            outcome = new Benchmark(options, System.err).run();
        } catch (Exception e) {
            System.err.println("bench: the environment failed: " + e.getMessage());
            System.exit(3);
            return;
        }
        System.out.print(outcome.report().consoleSummary());
        System.out.println("Report written to " + options.out());
        System.exit(outcome.ok() ? 0 : 1);
    }

    /**
     * Runs the selected sections and writes the report.
     *
     * @throws Exception when the report cannot be written
     */
    Outcome run() throws Exception {
        Machine machine = Machine.describe(options.mosquitto());
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        Results results = new Results();
        results.loadAtStart = ProcStatus.loadAverage();
        progress.printf(Locale.ROOT, "bench: %s; %s; %s, %d processors; load average %s%n", machine.java(),
                machine.mosquitto(), machine.cpuModel(), machine.cores(), results.loadAtStart);
        if (options.runs(Section.JITTER)) {
            // First, while the harness's heap is small: a collection of a large one would stall the scheduler.
            progress.printf(Locale.ROOT, "bench: sleep jitter, %d sleeps of each length ...%n", options.jitterRounds());
            results.jitter = SleepJitter.measure(options.jitterRounds());
        }
        try (ClientLoop clients = new ClientLoop(CLIENT_THREADS)) {
            HarnessEvents events = new HarnessEvents();
            if (options.runs(Section.STARTUP)) {
                StartupBenchmark startup = new StartupBenchmark(options.jar(), options.mosquitto(), progress);
                results.starts = startup.run(options.startups());
                results.startupArchiveUsed = startup.archiveUsed();
            }
            if (options.runs(Section.THROUGHPUT) || options.runs(Section.LATENCY) || options.runs(Section.EDGE)) {
                new Deliveries(clients, events, results).run();
            }
            if (options.runs(Section.MEMORY)) {
                results.memory = new MemoryBenchmark(options.jar(), options.mosquitto(), clients, progress)
                        .run(options.routes());
            }
        }
        results.loadAtEnd = ProcStatus.loadAverage();
        ReportWriter report = new ReportWriter(options, machine, date, results);
        report.write(options.out());
        return new Outcome(results, report);
    }

    /** The throughput and latency runs, which share the brokers: each started once, interleaved run by run. */
    private final class Deliveries {

        private final ClientLoop clients;
        private final HarnessEvents events;
        private final Results results;
        private final ThroughputRunner throughput;
        private final LatencyRunner latency;

        Deliveries(ClientLoop clients, HarnessEvents events, Results results) {
            this.clients = clients;
            this.events = events;
            this.results = results;
            this.throughput = new ThroughputRunner(clients, events);
            this.latency = new LatencyRunner(clients, events);
        }

        void run() throws Exception {
            boolean edge = options.runs(Section.EDGE);
            Map<CaseSpec, List<String>> cases = casePlan(edge);
            Map<Integer, List<String>> loads = latencyPlan(edge);
            int largest = Math.max(cases.isEmpty() ? 0 : Math.max(options.events(), options.warmupEvents()),
                    loads.isEmpty() ? 0 : options.latencyEvents());
            progress.printf(Locale.ROOT, "bench: generating the routes scenario's %,d events in the harness ...%n",
                    largest);
            results.typicalPayloadBytes = events.routes(largest).payload(0).length;
            Map<String, BrokerSlot> slots = new LinkedHashMap<>();
            slots.put("jetemu", new BrokerSlot("jetemu", () -> DeviceBroker.start(DeviceProcess.Kind.JETEMU,
                    JvmOptions.devices())));
            slots.put("Mosquitto", mosquitto(cases.isEmpty() ? MosquittoProcess.Nagle.OFF : MosquittoProcess.Nagle.ON));
            if (edge) {
                slots.put("Moquette", new BrokerSlot("Moquette", () -> DeviceBroker.start(DeviceProcess.Kind.MOQUETTE,
                        JvmOptions.devices())));
            }
            try {
                for (BrokerSlot slot : slots.values()) {
                    slot.get();
                }
                readClocks(slots);
                runCases(cases, slots);
                measureModel(slots.get("jetemu"));
                if (!cases.isEmpty() && !loads.isEmpty()) {
                    slots.put("Mosquitto", mosquitto(MosquittoProcess.Nagle.OFF)).close();
                }
                runLatencies(loads, slots);
            } finally {
                slots.values().forEach(BrokerSlot::close);
            }
        }

        /** Mosquitto at its best for the measure: Nagle's algorithm on for throughput, off for latency. */
        private BrokerSlot mosquitto(MosquittoProcess.Nagle nagle) {
            return new BrokerSlot("Mosquitto", () -> MosquittoBroker.start(options.mosquitto(), nagle, clients, events));
        }

        private Map<CaseSpec, List<String>> casePlan(boolean edge) {
            Map<CaseSpec, List<String>> plan = new LinkedHashMap<>();
            if (options.runs(Section.THROUGHPUT)) {
                for (CaseSpec spec : options.cases()) {
                    plan.put(spec, new ArrayList<>(List.of("jetemu", "Mosquitto")));
                }
            }
            if (edge) {
                plan.computeIfAbsent(CaseSpec.EDGE, spec -> new ArrayList<>(List.of("jetemu", "Mosquitto")))
                        .add("Moquette");
            }
            Map<CaseSpec, List<String>> ordered = new LinkedHashMap<>();
            CaseSpec.ALL.stream().filter(plan::containsKey).forEach(spec -> ordered.put(spec, plan.get(spec)));
            return ordered;
        }

        private Map<Integer, List<String>> latencyPlan(boolean edge) {
            Map<Integer, List<String>> plan = new LinkedHashMap<>();
            if (options.runs(Section.LATENCY)) {
                plan.put(0, new ArrayList<>(List.of("jetemu", "Mosquitto")));
                plan.put(1, new ArrayList<>(List.of("jetemu", "Mosquitto")));
            }
            if (edge) {
                plan.computeIfAbsent(0, qos -> new ArrayList<>(List.of("jetemu", "Mosquitto"))).add("Moquette");
            }
            return plan;
        }

        /** Each device JVM's clock against the harness's: the latency figures subtract one from the other. */
        private void readClocks(Map<String, BrokerSlot> slots) {
            for (Map.Entry<String, BrokerSlot> slot : slots.entrySet()) {
                try {
                    if (slot.getValue().get() instanceof DeviceBroker device) {
                        results.clocks.put(slot.getKey(), device.device().clock());
                    }
                } catch (Exception e) {
                    results.errors.add("could not read " + slot.getKey() + "'s clock: " + e);
                }
            }
        }

        private void runCases(Map<CaseSpec, List<String>> cases, Map<String, BrokerSlot> slots) {
            if (options.warmupEvents() > 0) {
                cases.forEach((spec, brokers) -> brokers.forEach(broker ->
                        results.throughput.add(runOnce(slots.get(broker), spec, options.warmupEvents(), 0))));
                settleCompilers();
            }
            for (int run = 1; run <= options.runs(); run++) {
                int number = run;
                cases.forEach((spec, brokers) -> brokers.forEach(broker ->
                        results.throughput.add(runOnce(slots.get(broker), spec, options.events(), number))));
            }
        }

        /**
         * A pause after the warm-up pass, for the device JVMs' JIT compilers. On two busy cores they
         * fall behind: without it, C2 took 60-80 % of a core for the next 10 s, compiling the hot
         * paths the warm-up had queued, and the first measured runs were a third slower than later ones.
         */
        private void settleCompilers() {
            progress.printf(Locale.ROOT, "bench: %d s for the JIT compilers to finish what the warm-up queued ...%n",
                    COMPILER_SETTLE.toSeconds());
            try {
                Thread.sleep(COMPILER_SETTLE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private RunResult runOnce(BrokerSlot slot, CaseSpec spec, int count, int run) {
            RunResult result;
            try {
                result = throughput.run(slot.get(), spec, count, run);
            } catch (Exception e) {
                result = RunResult.failed(spec, slot.name(), run, count, List.of("could not start the broker: " + e));
            }
            progress.printf(Locale.ROOT, "bench: %-8s %-24s %-10s %12s events/s  broker CPU %6s µs/event  "
                            + "harness CPU %5s µs/message  %s%n",
                    run == 0 ? "warm-up" : "run " + run, spec.label(), result.broker(),
                    Format.rate(result.eventsPerSecond()), Format.micros(result.brokerCpuMicrosPerEvent()),
                    Format.micros(result.harnessCpuMicrosPerMessage()), outcome(result.problems(), result.missing()));
            settle(slot, result.ok());
            return result;
        }

        /** The device model alone, in jetemu's JVM: what part of jetemu's CPU per event is making the events. */
        private void measureModel(BrokerSlot slot) {
            if (!options.runs(Section.THROUGHPUT)) {
                return;
            }
            try {
                DeviceProcess device = ((DeviceBroker) slot.get()).device();
                device.prepareRoutes(options.events(), 0);
                device.generate(Duration.ofMinutes(5)); // warm-up
                long cpu = ProcStatus.cpuNanos(device.pid());
                long[] done = device.generate(Duration.ofMinutes(5));
                results.modelCost = new Results.ModelCost(done[1], ProcStatus.cpuNanos(device.pid()) - cpu, done[0]);
                progress.printf(Locale.ROOT, "bench: jetemu's device model alone: %s events/s, CPU %s µs/event%n",
                        Format.rate(results.modelCost.eventsPerSecond()),
                        Format.micros(results.modelCost.cpuMicrosPerEvent()));
            } catch (Exception e) {
                results.errors.add("could not measure the device model alone: " + e);
            }
        }

        private void runLatencies(Map<Integer, List<String>> loads, Map<String, BrokerSlot> slots) {
            loads.forEach((qos, brokers) -> brokers.forEach(broker ->
                    results.latency.add(latencyOnce(slots.get(broker), qos, options.latencyWarmupEvents(), 0))));
            settleCompilers();
            for (int run = 1; run <= options.runs(); run++) {
                int number = run;
                loads.forEach((qos, brokers) -> brokers.forEach(broker ->
                        results.latency.add(latencyOnce(slots.get(broker), qos, options.latencyEvents(), number))));
            }
        }

        private LatencyResult latencyOnce(BrokerSlot slot, int qos, int count, int run) {
            LatencyResult result;
            try {
                result = latency.run(slot.get(), qos, count, BenchOptions.LATENCY_RATE, run);
            } catch (Exception e) {
                result = LatencyResult.failed(slot.name(), qos, run, count, BenchOptions.LATENCY_RATE,
                        List.of("could not start the broker: " + e));
            }
            progress.printf(Locale.ROOT, "bench: %-8s latency QoS %d at %,.0f/s %-10s p50 %8s ms  p99 %8s ms  "
                            + "max %8s ms  %s%n",
                    run == 0 ? "warm-up" : "run " + run, qos, BenchOptions.LATENCY_RATE, result.broker(),
                    Format.millis(result.percentileMillis(50)), Format.millis(result.percentileMillis(99)),
                    Format.millis(result.maxMillis()), outcome(result.problems(), result.missing()));
            settle(slot, result.ok());
            return result;
        }

        private static String outcome(List<String> problems, long missing) {
            if (!problems.isEmpty()) {
                return "FAILED: " + String.join("; ", problems);
            }
            return missing > 0 ? String.format(Locale.ROOT, "ok, %,d lost (dropped by design)", missing) : "ok";
        }

        /**
         * After a failed run the broker is started afresh: whatever state the failure left it in must
         * not leak into the next run. Then a pause lets closed connections drain out of the brokers.
         */
        private static void settle(BrokerSlot slot, boolean ok) {
            if (!ok) {
                slot.discard();
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One broker, started on first use and again after a failed run. */
    private static final class BrokerSlot implements AutoCloseable {

        interface Starter {
            BrokerUnderTest start() throws Exception;
        }

        private final String name;
        private final Starter starter;
        private BrokerUnderTest current;

        BrokerSlot(String name, Starter starter) {
            this.name = name;
            this.starter = starter;
        }

        BrokerUnderTest get() throws Exception {
            if (current == null) {
                current = starter.start();
            }
            return current;
        }

        String name() {
            return name;
        }

        void discard() {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        @Override
        public void close() {
            discard();
        }
    }
}
