package dev.jetemu.bench;

import dev.jetemu.bench.events.GeneratedEvents;
import dev.jetemu.bench.events.RouteScenario;
import dev.jetemu.bench.mqtt.CheckingSubscriber;
import dev.jetemu.bench.mqtt.ClientLoop;
import dev.jetemu.bench.mqtt.Publisher;
import dev.jetemu.bench.process.JetemuJar;
import dev.jetemu.bench.process.MosquittoProcess;
import dev.jetemu.bench.process.ProcStatus;
import dev.jetemu.bench.process.ProcessLauncher;
import dev.jetemu.sim.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Memory: {@code jetemu run} of a scenario that adds then withdraws a number of routes
 * (1,000,000 by default: 2,000,000 events), in a JVM limited to a 256 MB heap, with one subscriber
 * receiving every event; its peak heap (from the GC log, see {@link GcLog}) and peak resident set
 * ({@code VmHWM}). Mosquitto's peak resident set while the same events pass through it to one
 * subscriber, published by the harness as the device generates them.
 */
final class MemoryBenchmark {

    static final String HEAP_LIMIT = "-Xmx256m";
    static final long HEAP_LIMIT_BYTES = 256L * 1024 * 1024;
    /** jetemu run checks the scenario (a dry run of every event) before its broker starts: minutes for millions. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Path jar;
    private final Path mosquitto;
    private final ClientLoop clients;
    private final PrintStream progress;

    /**
     * jetemu's figures.
     *
     * @param passed     the run printed PASS for the scenario and exited as asked
     * @param heap       from the GC log; null when it could not be read
     * @param rssAtReady resident set when {@code Ready.} was printed
     * @param peakRss    VmHWM once every event was delivered
     */
    record JetemuMemory(int routes, long events, long received, boolean passed, String runLine, GcLog heap,
                        long rssAtReady, long peakRss, double seconds, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Mosquitto's figures: resident set before the subscriber connected, and VmHWM once every event was delivered. */
    record MosquittoMemory(long events, long received, long rssAtStart, long peakRss, double seconds,
                           List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    record Result(int routes, JetemuMemory jetemu, MosquittoMemory mosquitto) {
        boolean ok() {
            return jetemu.ok() && mosquitto.ok();
        }
    }

    MemoryBenchmark(Path jar, Path mosquitto, ClientLoop clients, PrintStream progress) {
        this.jar = jar;
        this.mosquitto = mosquitto;
        this.clients = clients;
        this.progress = progress;
    }

    Result run(int routes) {
        progress.printf(Locale.ROOT, "bench: memory: generating the %,d events of %,d routes added and withdrawn "
                + "(to check what subscribers receive) ...%n", RouteScenario.events(routes, true), routes);
        GeneratedEvents expected = GeneratedEvents.routes(routes, true, false);
        JetemuMemory jetemu = jetemu(routes, expected);
        progress.printf(Locale.ROOT, "bench: memory: jetemu peak heap %s, peak RSS %s, %s%n",
                jetemu.heap() == null ? "–" : Format.mebibytes(jetemu.heap().peakUsedBytes()),
                Format.mebibytes(jetemu.peakRss()), jetemu.ok() ? "ok" : "FAILED: " + jetemu.problems());
        MosquittoMemory mosquittoMemory = mosquitto(routes, expected);
        progress.printf(Locale.ROOT, "bench: memory: Mosquitto peak RSS %s, %s%n",
                Format.mebibytes(mosquittoMemory.peakRss()),
                mosquittoMemory.ok() ? "ok" : "FAILED: " + mosquittoMemory.problems());
        return new Result(routes, jetemu, mosquittoMemory);
    }

    private JetemuMemory jetemu(int routes, GeneratedEvents expected) {
        List<String> problems = new ArrayList<>();
        long events = expected.size();
        Path folder = null;
        try {
            folder = Files.createTempDirectory("jetemu-bench-memory");
            Path scenario = Files.writeString(folder.resolve("bench-routes-add-withdraw.yaml"),
                    RouteScenario.yaml(routes, 1, true), StandardCharsets.UTF_8);
            Path gcLog = folder.resolve("gc.log");
            int port = ProcessLauncher.freeLoopbackPort();
            List<String> jvm = List.of(HEAP_LIMIT, "-XX:+ExitOnOutOfMemoryError",
                    "-Xlog:gc,gc+heap+exit:file=" + gcLog);
            List<String> arguments = List.of("run", scenario.toString(), "--port", String.valueOf(port),
                    "--virtual-time", "--start-time", RouteScenario.START.toString(), "--keep-running");
            long rssAtReady;
            long peakRss;
            long received;
            double seconds;
            String runLine;
            try (JetemuJar jetemu = JetemuJar.start(jar, jvm, arguments)) {
                if (jetemu.awaitLine(JetemuJar.READY::equals, START_TIMEOUT) == null) {
                    throw new IOException("jetemu run did not start: " + jetemu.err());
                }
                rssAtReady = ProcStatus.rssBytes(jetemu.pid()).orElse(0);
                try (SubscriberSet subscriber = SubscriberSet.subscribe(clients, port, "bench-memory-jetemu", 1, 0,
                        expected, CheckingSubscriber.Payloads.TOPIC_ONLY)) {
                    long start = System.nanoTime();
                    CompletableFuture<String> finished = CompletableFuture.supplyAsync(() -> awaitRunLine(jetemu));
                    SubscriberSet.Delivery delivery = subscriber.await(finished, false);
                    problems.addAll(delivery.problems());
                    received = events - delivery.missing();
                    seconds = delivery.lastReceivedNanos() == 0 ? Double.NaN
                            : (delivery.lastReceivedNanos() - start) / 1e9;
                    runLine = finished.join();
                    // --keep-running: the broker stays up once the scenario is done, so its high-water mark is read here.
                    if (jetemu.awaitLine(line -> line.startsWith("Scenarios done"), START_TIMEOUT) == null) {
                        problems.add("jetemu run did not finish: " + jetemu.err());
                    }
                    peakRss = ProcStatus.peakRssBytes(jetemu.pid()).orElse(0);
                }
                if (runLine == null || !runLine.startsWith("PASS")) {
                    problems.add("jetemu run: " + (runLine == null ? "no result; " + jetemu.err() : runLine));
                }
            }
            GcLog heap = Files.exists(gcLog) ? GcLog.read(gcLog) : null;
            if (heap == null) {
                problems.add("no GC log was written");
            }
            return new JetemuMemory(routes, events, received, runLine != null && runLine.startsWith("PASS"),
                    runLine, heap, rssAtReady, peakRss, seconds, problems);
        } catch (Exception e) {
            problems.add("the run could not complete: " + e);
            return new JetemuMemory(routes, events, 0, false, null, null, 0, 0, Double.NaN, problems);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static String awaitRunLine(JetemuJar jetemu) {
        try {
            JetemuJar.Line line = jetemu.awaitLine(text -> text.startsWith("PASS ") || text.startsWith("FAIL "),
                    Duration.ofMinutes(30));
            return line == null ? null : line.text();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private MosquittoMemory mosquitto(int routes, GeneratedEvents expected) {
        List<String> problems = new ArrayList<>();
        long events = expected.size();
        try (MosquittoProcess process = MosquittoProcess.start(mosquitto, MosquittoProcess.Nagle.ON)) {
            long rssAtStart = ProcStatus.rssBytes(process.pid()).orElse(0);
            try (SubscriberSet subscriber = SubscriberSet.subscribe(clients, process.port(), "bench-memory-mosquitto",
                    1, 0, expected, CheckingSubscriber.Payloads.TOPIC_ONLY);
                 Publisher publisher = Publisher.connect(clients, process.port(), "bench-memory-publisher",
                         CONNECT_TIMEOUT)) {
                long start = System.nanoTime();
                CompletableFuture<Long> publishing = CompletableFuture.supplyAsync(() -> stream(routes, publisher));
                SubscriberSet.Delivery delivery = subscriber.await(publishing, false);
                problems.addAll(delivery.problems());
                publishing.exceptionally(failure -> {
                    problems.add("publisher: " + failure);
                    return 0L;
                }).join();
                long peakRss = ProcStatus.peakRssBytes(process.pid()).orElse(0);
                double seconds = delivery.lastReceivedNanos() == 0 ? Double.NaN
                        : (delivery.lastReceivedNanos() - start) / 1e9;
                if (!problems.isEmpty() && !process.log().isEmpty()) {
                    problems.add("Mosquitto logged: " + process.log());
                }
                return new MosquittoMemory(events, events - delivery.missing(), rssAtStart, peakRss, seconds,
                        problems);
            }
        } catch (Exception e) {
            problems.add("the run could not complete: " + e);
            return new MosquittoMemory(events, 0, 0, 0, Double.NaN, problems);
        }
    }

    /** The device simulation, in the harness, publishing to Mosquitto as it generates: nothing is kept. */
    private static long stream(int routes, Publisher publisher) {
        long start = System.nanoTime();
        Publisher.StreamingSink sink = publisher.sink(0);
        try {
            GeneratedEvents.run(ScenarioLoader.parse("bench.yaml", RouteScenario.yaml(routes, 0, true)), sink);
            sink.finish(Duration.ofMinutes(5));
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
        return System.nanoTime() - start;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder left behind changes no figure
        }
    }
}
