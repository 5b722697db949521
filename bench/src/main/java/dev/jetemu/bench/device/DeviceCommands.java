package dev.jetemu.bench.device;

import dev.jetemu.bench.events.GeneratedEvents;
import dev.jetemu.bench.events.RouteScenario;
import dev.jetemu.bench.events.Stamp;
import dev.jetemu.sim.run.EventSink;
import dev.jetemu.sim.run.RunListener;
import dev.jetemu.sim.run.ScenarioClock;
import dev.jetemu.sim.run.ScenarioResult;
import dev.jetemu.sim.run.ScenarioRunner;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.ScenarioLoader;
import dev.jetemu.sim.scenario.ScenarioValidator;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * The device's side of the benchmark, in a JVM of its own so that its CPU time is read from
 * {@code /proc} exactly as Mosquitto's is. The harness drives it with commands on stdin, one per
 * line; replies go to stdout, prefixed {@value #REPLY} (log lines go to stderr):
 * <pre>
 * (at start)                -> BENCH LISTENING port
 * CLOCK                     -> BENCH CLOCK nanos            its System.nanoTime(), to compare clocks
 * PREPARE-ROUTES n subs     -> BENCH PREPARED               loads and checks (dry run) the routes scenario
 * ROUTES qos                -> BENCH DONE nanos events      runs it: await-subscribers, routes-generate n
 * GENERATE                  -> BENCH DONE nanos events      runs it into a sink that keeps nothing (no broker)
 * PREPARE-PACED n           -> BENCH PREPARED               generates n route events and their stamped templates
 * PACED rate qos            -> BENCH DONE nanos events      publishes them at rate/s, each stamped as it goes
 * QUIT (or end of input)    -> stops the broker and exits
 * (a command that failed)   -> BENCH FAILED reason
 * </pre>
 */
final class DeviceCommands {

    static final String REPLY = "BENCH ";

    private final DeviceTarget target;
    private final PrintStream replies;
    private Scenario routes;
    private GeneratedEvents paced;
    private byte[][] templates;

    private DeviceCommands(DeviceTarget target, PrintStream replies) {
        this.target = target;
        this.replies = replies;
    }

    /** Serves the commands on stdin until QUIT; closes the target. */
    static void serve(DeviceTarget target) throws IOException {
        // Replies only: whatever else writes to System.out must not interleave with them.
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        try (target; BufferedReader commands = new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8))) {
            DeviceCommands device = new DeviceCommands(target, replies);
            device.reply("LISTENING " + target.port());
            String line;
            while ((line = commands.readLine()) != null && !line.trim().equals("QUIT")) {
                device.execute(line.trim().split(" "));
            }
        }
    }

    private void reply(String line) {
        replies.println(REPLY + line);
    }

    private void execute(String[] words) {
        try {
            switch (words[0]) {
                case "CLOCK" -> reply("CLOCK " + System.nanoTime());
                case "PREPARE-ROUTES" -> {
                    routes = ScenarioLoader.parse("bench-routes.yaml", RouteScenario.yaml(Integer.parseInt(words[1]),
                            Integer.parseInt(words[2]), false));
                    ScenarioValidator.check(routes);
                    System.gc(); // the dry run's garbage is collected now, not during the measured run
                    reply("PREPARED");
                }
                case "ROUTES" -> reply(runRoutes(Integer.parseInt(words[1]), target.sink()));
                case "GENERATE" -> reply(generateOnly());
                case "PREPARE-PACED" -> {
                    paced = GeneratedEvents.routes(Integer.parseInt(words[1]), false, true);
                    templates = new byte[paced.size()][];
                    for (int i = 0; i < templates.length; i++) {
                        templates[i] = Stamp.template(paced.payload(i));
                    }
                    System.gc();
                    reply("PREPARED");
                }
                case "PACED" -> reply(publishPaced(Double.parseDouble(words[1]), Integer.parseInt(words[2])));
                default -> reply("FAILED unknown command " + String.join(" ", words));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply("FAILED interrupted");
        } catch (RuntimeException e) {
            reply("FAILED " + e.toString().replace('\n', ' '));
        }
    }

    /** The scenario as {@code jetemu run --virtual-time --qos N} runs it, into this broker. */
    private String runRoutes(int qos, EventSink sink) throws InterruptedException {
        if (routes == null) {
            return "FAILED ROUTES before PREPARE-ROUTES";
        }
        long start = System.nanoTime();
        ScenarioResult result = new ScenarioRunner(sink, target.view(), target.control(),
                ScenarioClock.virtual(RouteScenario.START), RunListener.NONE, qos, RouteScenario.HOSTNAME).run(routes);
        long nanos = System.nanoTime() - start;
        return result.passed() ? "DONE " + nanos + " " + result.eventsPublished()
                : "FAILED " + result.failure().orElseThrow();
    }

    /** The device model alone: the same scenario, its events made and dropped. */
    private String generateOnly() throws InterruptedException {
        if (routes == null) {
            return "FAILED GENERATE before PREPARE-ROUTES";
        }
        long start = System.nanoTime();
        ScenarioResult result = GeneratedEvents.run(routes, (topic, payload, qos) -> { });
        long nanos = System.nanoTime() - start;
        return result.passed() ? "DONE " + nanos + " " + result.eventsPublished()
                : "FAILED " + result.failure().orElseThrow();
    }

    /**
     * Publishes the prepared events as the device does (in-process, through the broker's flow
     * control) at {@code perSecond} on an absolute schedule, each stamped with the
     * {@link System#nanoTime()} taken just before it is handed to the broker.
     */
    private String publishPaced(double perSecond, int qos) throws InterruptedException {
        if (paced == null) {
            return "FAILED PACED before PREPARE-PACED";
        }
        EventSink sink = target.sink();
        double period = 1e9 / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < paced.size(); i++) {
            long due = start + Math.round(i * period);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            sink.publish(paced.topic(i), Stamp.stamped(templates[i], System.nanoTime()), qos);
        }
        return "DONE " + (System.nanoTime() - start) + " " + paced.size();
    }
}
