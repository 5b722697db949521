package dev.jetemu.broker;

import dev.jetemu.broker.access.AddressPrefix;
import dev.jetemu.broker.access.AllowClients;
import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.broker.edge.ProtocolViolation;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.jetemu.broker.MqttBytes.concat;
import static dev.jetemu.broker.MqttBytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Clients that break the protocol in ways the broker once handled badly, one at a time. */
class ProtocolViolationsIT {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] CONNACK_ACCEPTED = {0x20, 0x02, 0x00, 0x00};

    private final ConnectionLedger ledger = new ConnectionLedger();
    private final List<AutoCloseable> open = new ArrayList<>();
    private NotificationBroker broker;

    private NotificationBroker start(BrokerSettings settings) throws BrokerStartException {
        broker = NotificationBroker.start(settings, ledger);
        return broker;
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private Socket socket(String sourceAddress) throws IOException {
        Socket socket = RawMqtt.open(sourceAddress, broker.port());
        open.add(socket);
        return socket;
    }

    private ConnectionLedger.Entry closedEntry(Socket socket) throws InterruptedException {
        ConnectionLedger.Entry entry = ledger.take((InetSocketAddress) socket.getLocalSocketAddress(),
                Duration.ofSeconds(30));
        assertThat(entry.closed()).as("the broker reported the connection closed").isTrue();
        return entry;
    }

    /** Moquette 0.17 bound the connection to a second session and left the first connected for ever. */
    @Test
    void aSecondConnectClosesTheConnectionAndLeavesNoSessionBehind() throws Exception {
        start(BrokerSettings.loopbackOnly(0));
        Socket socket = socket("127.0.0.1");
        OutputStream out = socket.getOutputStream();
        out.write(concat(MqttBytes.connect(utf8("first")), MqttBytes.subscribe(1, utf8("/junos/events/#"))));
        assertThat(RawMqtt.readPacketTypes(socket, 2, 5_000)).containsExactly(0x20, 0x90);
        assertThat(broker.connectedClientIds()).containsExactly("first");

        out.write(MqttBytes.connect(utf8("second")));

        assertThat(RawMqtt.readUntilClosed(socket, 5_000)).isEmpty();
        assertThat(closedEntry(socket).violations()).containsExactly(ProtocolViolation.SECOND_CONNECT);
        await().atMost(5, TimeUnit.SECONDS).until(() -> broker.connectedClientIds().isEmpty());
        assertThat(broker.subscriptions().count()).isZero();
        assertThat(broker.openConnections()).isZero();
    }

    /**
     * The connect timeout was an idle timeout, which every byte restarted: a CONNECT sent one byte
     * per second kept its connection for ever, admitted or refused.
     */
    @Test
    void aConnectTricklingInIsClosedAtTheConnectTimeoutAdmittedOrRefused() throws Exception {
        AllowClients onlyOne = new AllowClients(List.of(
                new AllowRule("127.0.0.1", AddressPrefix.parse("127.0.0.1").orElseThrow())));
        start(BrokerSettings.loopbackOnly(0).withAllowClients(onlyOne));
        byte[] connect = MqttBytes.connect(utf8("trickling-" + "x".repeat(30)));
        long opened = System.nanoTime();
        Socket admitted = socket("127.0.0.1");
        Socket refused = socket("127.0.0.2");

        boolean[] closed = new boolean[2];
        long[] closedAfter = new long[2];
        Socket[] sockets = {admitted, refused};
        for (int sent = 0; sent < connect.length && !(closed[0] && closed[1]); sent++) {
            for (int i = 0; i < 2; i++) {
                if (!closed[i] && closedWithin(sockets[i], connect[sent], Duration.ofSeconds(1))) {
                    closed[i] = true;
                    closedAfter[i] = System.nanoTime() - opened;
                }
            }
        }

        assertThat(closed).as("closed by the broker before the CONNECT's %d bytes were sent", connect.length)
                .containsExactly(true, true);
        for (long after : closedAfter) {
            assertThat(Duration.ofNanos(after)).isGreaterThanOrEqualTo(CONNECT_TIMEOUT);
        }
        assertThat(closedEntry(admitted).violations()).containsExactly(ProtocolViolation.CONNECT_TIMEOUT);
        assertThat(ledger.untaken()).as("a refused connection is no admitted one").isEmpty();
    }

    /** Sends one byte, then waits up to {@code wait} for the broker to close the connection. */
    private static boolean closedWithin(Socket socket, byte b, Duration wait) throws IOException {
        try {
            socket.getOutputStream().write(b);
            socket.setSoTimeout((int) wait.toMillis());
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64];
            int n = in.read(buffer);
            while (n > 0) {
                n = in.read(buffer);      // a refusal's CONNACK, had the CONNECT got through
            }
            return n < 0;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /**
     * A client that resets its connection right behind its CONNECT had the engine fail to write its
     * CONNACK; Moquette 0.17 then threw on a session still CONNECTING (logged with its stack trace)
     * and kept it for ever. The edge now has the engine count the client in without a CONNACK, then
     * closes the connection; and the engine cleans up when a CONNACK fails all the same.
     */
    @Test
    void clientsThatResetRightBehindTheirConnectLeaveNoSessionBehind() throws Exception {
        start(BrokerSettings.loopbackOnly(0));
        try (LogCapture log = new LogCapture(Logger.ROOT_LOGGER_NAME)) {
            for (int i = 0; i < 300; i++) {
                try (Socket socket = new Socket("127.0.0.1", broker.port())) {
                    socket.setSoLinger(true, 0);
                    socket.getOutputStream().write(MqttBytes.connect(utf8("gone-" + i)));
                }
            }
            await().atMost(30, TimeUnit.SECONDS).until(() -> broker.openConnections() == 0);
            assertThat(ledger.opened()).isEqualTo(300);
            await().atMost(30, TimeUnit.SECONDS).until(() -> ledger.closed() == 300);

            // Where the reset reaches the broker only as the CONNACK is being written, the engine says
            // so in a line of its own; what it threw when it then closed the session must not appear.
            assertThat(log.events()).as("exceptions in the log")
                    .noneMatch(event -> event.getThrowableProxy() != null
                            && !event.getFormattedMessage().startsWith("CONNACK send failed"));
            assertThat(broker.connectedClientIds()).isEmpty();
            MqttClient again = TestClients.connectAs(broker, "gone-0");
            open.add(() -> TestClients.closeQuietly(again));
            assertThat(broker.connectedClientIds()).containsExactly("gone-0");
        }
    }

    /** What a client sent behind its CONNECT before it closed its side is still handed to the engine. */
    @Test
    void aPublishPipelinedBehindTheConnectOfAClientThatClosesIsDelivered() throws Exception {
        start(BrokerSettings.loopbackOnly(0));
        MqttClient subscriber = TestClients.connectAs(broker, "subscriber");
        open.add(() -> TestClients.closeQuietly(subscriber));
        List<String> received = TestClients.collect(subscriber, "myapp/#", 0);

        for (int i = 0; i < 20; i++) {
            try (Socket socket = socket("127.0.0.1")) {
                socket.getOutputStream().write(concat(MqttBytes.connect(utf8("fire-and-forget-" + i)),
                        MqttBytes.publish(0, utf8("myapp/note"), utf8("n" + i))));
                socket.shutdownOutput();
                RawMqtt.readUntilClosed(socket, 5_000);
                assertThat(closedEntry(socket).violations()).isEmpty();
            }
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 20);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add("myapp/note n" + i);
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aClientIdThatIsNotUtf8ClosesTheConnectionWithALineThatSaysSo() throws Exception {
        start(BrokerSettings.loopbackOnly(0));
        try (LogCapture log = new LogCapture("dev.jetemu.broker.protocol")) {
            Socket socket = socket("127.0.0.1");
            socket.getOutputStream().write(MqttBytes.connect(new byte[] {'a', (byte) 0xC3, '(', 'b'}));

            assertThat(RawMqtt.readUntilClosed(socket, 5_000)).isEmpty();
            assertThat(closedEntry(socket).violations()).containsExactly(ProtocolViolation.MALFORMED_PACKET);
            assertThat(log.messages()).singleElement().asString()
                    .matches("Closed the connection of client \\? from 127\\.0\\.0\\.1:\\d+: "
                            + "the client id is not well-formed UTF-8");
        }
    }

    @Test
    void aCleanClientIsNotAffected() throws Exception {
        start(BrokerSettings.loopbackOnly(0));
        Socket socket = socket("127.0.0.1");
        socket.getOutputStream().write(MqttBytes.connect(utf8("clean")));
        byte[] connAck = new byte[4];
        socket.setSoTimeout(5_000);
        new java.io.DataInputStream(socket.getInputStream()).readFully(connAck);
        assertThat(connAck).containsExactly(CONNACK_ACCEPTED);
        socket.getOutputStream().write(new byte[] {(byte) MqttBytes.DISCONNECT, 0});
        assertThat(RawMqtt.readUntilClosed(socket, 5_000)).isEmpty();
        assertThat(closedEntry(socket).violations()).isEmpty();
    }
}
