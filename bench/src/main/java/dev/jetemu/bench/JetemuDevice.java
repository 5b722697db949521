package dev.jetemu.bench;

import dev.jetemu.broker.BrokerSettings;
import dev.jetemu.broker.NotificationBroker;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * jetemu's side of the benchmark, run in a JVM of its own so that its CPU time is read from
 * {@code /proc} exactly as Mosquitto's is: starts the notification broker (loopback clients, as
 * without configuration) and publishes as the device, in-process, when told to.
 *
 * <p>Commands on stdin, one per line; replies on stdout, prefixed {@value #REPLY}:
 * <pre>
 * (at start)      -> BENCH LISTENING port
 * PREPARE n       -> BENCH PREPARED          builds n events (not timed)
 * PUBLISH qos     -> BENCH PUBLISHED nanos   publishes them in a loop at full speed, as a scenario would
 *                 or BENCH FAILED reason
 * QUIT (or EOF)   -> closes the broker and exits
 * </pre>
 * Log lines go to stderr.
 */
public final class JetemuDevice {

    static final String REPLY = "BENCH ";

    private JetemuDevice() {
    }

    public static void main(String[] args) throws Exception {
        // Replies only: whatever else writes to System.out must not interleave with them.
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err);
        BatchCache batches = new BatchCache();
        RouteEvents.Batch batch = null;
        try (NotificationBroker broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
             BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            replies.println(REPLY + "LISTENING " + broker.port());
            String line;
            while ((line = commands.readLine()) != null) {
                String[] words = line.trim().split(" ");
                switch (words[0]) {
                    case "PREPARE" -> {
                        batch = batches.get(Integer.parseInt(words[1]));
                        replies.println(REPLY + "PREPARED");
                    }
                    case "PUBLISH" -> replies.println(REPLY + publish(broker, batch, Integer.parseInt(words[1])));
                    case "QUIT" -> {
                        return;
                    }
                    default -> replies.println(REPLY + "FAILED unknown command " + line);
                }
            }
        }
    }

    private static String publish(NotificationBroker broker, RouteEvents.Batch batch, int qos) {
        if (batch == null) {
            return "FAILED PUBLISH before PREPARE";
        }
        String[] topics = batch.topics();
        byte[][] payloads = batch.payloads();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < topics.length; i++) {
                broker.publish(topics[i], payloads[i], qos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "FAILED interrupted";
        } catch (RuntimeException e) {
            return "FAILED " + e;
        }
        return "PUBLISHED " + (System.nanoTime() - start);
    }
}
