package dev.jetemu.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The delivery benchmark: how fast jetemu delivers the device's route events to Paho
 * subscribers, and at what CPU cost, against Eclipse Mosquitto on the same machine in the same
 * run. Prints a table and writes the Markdown report; see {@link BenchOptions#USAGE}.
 */
public final class DeliveryBenchmark {

    private final BenchOptions options;
    private final PrintStream progress;
    private final CaseRunner runner = new CaseRunner();

    /** What a benchmark run produced. */
    record Outcome(List<CaseSummary> summaries, List<RunResult> results, ReportWriter report) {
        boolean ok() {
            return summaries.stream().allMatch(CaseSummary::ok);
        }
    }

    DeliveryBenchmark(BenchOptions options, PrintStream progress) {
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
        Outcome outcome;
        try {
            outcome = new DeliveryBenchmark(options, System.err).run();
        } catch (Exception e) {
            System.err.println("bench: the environment failed: " + e.getMessage());
            System.exit(3);
            return;
        }
        System.out.print(outcome.report().consoleTable());
        System.out.println("Report written to " + options.out());
        System.exit(outcome.ok() ? 0 : 1);
    }

    /**
     * Starts both brokers, warms up, runs every case the given number of times, interleaved, and
     * writes the report.
     *
     * @throws Exception when a broker cannot be started at all or the report cannot be written
     */
    Outcome run() throws Exception {
        Machine machine = Machine.describe(options.mosquitto());
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        progress.printf(Locale.ROOT, "bench: %s; %s; %s, %d processors%n", machine.java(), machine.mosquitto(),
                machine.cpuModel(), machine.cores());
        List<RunResult> results = new ArrayList<>();
        try (BrokerSlot jetemu = new BrokerSlot(JetemuProcess::start);
             BrokerSlot mosquitto = new BrokerSlot(() -> MosquittoBroker.start(options.mosquitto()))) {
            jetemu.get();
            mosquitto.get();
            List<BrokerSlot> brokers = List.of(jetemu, mosquitto);
            if (options.warmupEvents() > 0) {
                for (CaseSpec spec : options.cases()) {
                    for (BrokerSlot broker : brokers) {
                        results.add(runOnce(broker, spec, options.warmupEvents(), 0));
                    }
                }
            }
            for (int run = 1; run <= options.runs(); run++) {
                for (CaseSpec spec : options.cases()) {
                    for (BrokerSlot broker : brokers) {
                        results.add(runOnce(broker, spec, options.events(), run));
                    }
                }
            }
        }
        List<CaseSummary> summaries = options.cases().stream().map(spec -> CaseSummary.of(spec, results)).toList();
        ReportWriter report = new ReportWriter(options, machine, date, summaries, results);
        report.write(options.out());
        return new Outcome(summaries, results, report);
    }

    private RunResult runOnce(BrokerSlot slot, CaseSpec spec, int events, int run) {
        RunResult result;
        try {
            result = runner.run(slot.get(), spec, events, run);
        } catch (Exception e) {
            result = RunResult.failed(spec, slot.name(), run, events, List.of("could not start the broker: " + e));
        }
        progress.printf(Locale.ROOT, "bench: %-8s %-24s %-10s %12s events/s  broker CPU %6s µs/event  %s%n",
                run == 0 ? "warm-up" : "run " + run, spec.label(), result.broker(),
                ReportWriter.rate(result.eventsPerSecond()), ReportWriter.micros(result.brokerCpuMicrosPerEvent()),
                result.ok() ? "ok" : "FAILED: " + String.join("; ", result.problems()));
        if (!result.ok()) {
            // Whatever state the failure left the broker in must not leak into the next run.
            slot.discard();
        }
        pause();
        return result;
    }

    /** Lets closed connections drain out of both brokers before the next run starts its clock. */
    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One broker, started on first use and again after a failed run. */
    private static final class BrokerSlot implements AutoCloseable {

        interface Starter {
            BrokerUnderTest start() throws Exception;
        }

        private final Starter starter;
        private BrokerUnderTest current;
        private String name = "broker";

        BrokerSlot(Starter starter) {
            this.starter = starter;
        }

        BrokerUnderTest get() throws Exception {
            if (current == null) {
                current = starter.start();
                name = current.name();
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
