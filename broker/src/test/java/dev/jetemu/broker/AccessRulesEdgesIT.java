package dev.jetemu.broker;

import dev.jetemu.broker.access.AddressPrefix;
import dev.jetemu.broker.access.AllowClients;
import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.broker.edge.AccessListener;
import dev.jetemu.broker.edge.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * allow-clients at its edges, with real connections from loopback source addresses (Linux
 * answers on all of 127.0.0.0/8): prefix lengths 0, 31, 32 and 128, prefixes with host bits set,
 * IPv4 clients reaching a dual-stack listener over IPv6 (IPv4-mapped addresses), and a refused
 * client that comes back a thousand times.
 */
class AccessRulesEdgesIT {

    private static final int ACCEPTED = 0;
    private static final int NOT_AUTHORIZED = 5;
    private static final String FILTER = "/junos/events/kernel/route/#";
    private static final long MIB = 1024 * 1024;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private NotificationBroker broker(AccessListener listener, String... allowed) throws BrokerStartException {
        List<AllowRule> rules = Arrays.stream(allowed)
                .map(text -> new AllowRule(text, AddressPrefix.parse(text).orElseThrow()))
                .toList();
        NotificationBroker broker = NotificationBroker.start(
                BrokerSettings.loopbackOnly(0).withAllowClients(new AllowClients(rules)), listener);
        open.add(broker);
        return broker;
    }

    private NotificationBroker broker(String... allowed) throws BrokerStartException {
        return broker(AccessListener.NONE, allowed);
    }

    @ParameterizedTest(name = "allow-clients {0} admits [{1}] and refuses [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0/0        | 127.0.0.1 127.0.0.2 127.255.255.254 | ::1
            ::/0             | ::1                                  | 127.0.0.1 127.0.0.2
            127.0.0.1/32     | 127.0.0.1                            | 127.0.0.2 127.0.0.3 ::1
            127.0.0.2/31     | 127.0.0.2 127.0.0.3                  | 127.0.0.1 127.0.0.4
            ::1/128          | ::1                                  | 127.0.0.1
            127.0.0.1/8      | 127.0.0.1 127.0.0.2 127.1.2.3        | ::1
            127.0.0.5/30     | 127.0.0.4 127.0.0.7                  | 127.0.0.3 127.0.0.8
            ::ffff:127.0.0.1 | 127.0.0.1                            | 127.0.0.2 ::1
            """)
    void prefixEdges(String rule, String admitted, String refused) throws Exception {
        NotificationBroker broker = broker(rule);

        for (String source : admitted.split(" ")) {
            assertThat(answer(RawMqtt.open(source, broker.port()), "from-" + source))
                    .as("a client from %s", source).isEqualTo(ACCEPTED);
        }
        for (String source : refused.split(" ")) {
            assertThat(answer(RawMqtt.open(source, broker.port()), "from-" + source))
                    .as("a client from %s", source).isEqualTo(NOT_AUTHORIZED);
        }
    }

    @Test
    void aPrefixWithHostBitsSetIsItsNetwork() {
        AddressPrefix written = AddressPrefix.parse("127.0.0.1/8").orElseThrow();

        assertThat(written).isEqualTo(AddressPrefix.parse("127.0.0.0/8").orElseThrow());
        assertThat(new AllowRule("127.0.0.1/8", written).toString()).isEqualTo("127.0.0.1/8");
    }

    /**
     * An IPv4 client that reaches the dual-stack listener through an IPv6 socket, from
     * {@code ::ffff:127.0.0.x} to {@code ::ffff:127.0.0.1}, is an IPv4 client: IPv4 rules match it,
     * IPv6 rules do not, and the log names it by its IPv4 address.
     */
    @Test
    void ipv4ClientsOverIpv6SocketsAreMatchedAsIpv4() throws Exception {
        List<InetSocketAddress> peers = new CopyOnWriteArrayList<>();
        AccessListener recording = new AccessListener() {
            @Override
            public void connectionOpened(InetSocketAddress peer) {
                peers.add(peer);
            }
        };
        NotificationBroker host = broker(recording, "127.0.0.1/32");
        assumeDualStack(host);

        try (LogCapture log = new LogCapture("dev.jetemu.broker.access")) {
            assertThat(answer(mappedSocket("127.0.0.1", host.port()), "mapped-1")).isEqualTo(ACCEPTED);
            assertThat(answer(mappedSocket("127.0.0.2", host.port()), "mapped-2")).isEqualTo(NOT_AUTHORIZED);
            assertThat(log.messages()).anySatisfy(line -> assertThat(line)
                    .startsWith("Refused a connection from 127.0.0.2:")
                    .contains("not in allow-clients [127.0.0.1/32]"));
        }
        assertThat(peers).singleElement().satisfies(peer -> {
            assertThat(peer.getAddress()).isInstanceOf(Inet4Address.class);
            assertThat(peer.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        });

        NotificationBroker network = broker("127.0.0.0/8");
        assertThat(answer(mappedSocket("127.0.0.1", network.port()), "mapped-1")).isEqualTo(ACCEPTED);
        assertThat(answer(mappedSocket("127.0.0.2", network.port()), "mapped-2")).isEqualTo(ACCEPTED);

        NotificationBroker mappedRule = broker("::ffff:127.0.0.1/128");
        assertThat(answer(mappedSocket("127.0.0.1", mappedRule.port()), "mapped-1")).isEqualTo(ACCEPTED);
        assertThat(answer(RawMqtt.open("127.0.0.1", mappedRule.port()), "plain-1")).isEqualTo(ACCEPTED);
        assertThat(answer(mappedSocket("127.0.0.2", mappedRule.port()), "mapped-2")).isEqualTo(NOT_AUTHORIZED);

        NotificationBroker ipv6Only = broker("::/0");
        assertThat(answer(mappedSocket("127.0.0.1", ipv6Only.port()), "mapped-1")).isEqualTo(NOT_AUTHORIZED);
        assertThat(answer(RawMqtt.open("::1", ipv6Only.port()), "ipv6")).isEqualTo(ACCEPTED);
    }

    /**
     * A client refused by allow-clients that tries again and again: each attempt is answered at
     * once with CONNACK 5 and closed, nothing accumulates (connections, threads, file descriptors,
     * heap), and an allowed subscriber receives every event published meanwhile.
     */
    @Test
    void aRefusedClientRetryingAThousandTimesLeavesNothingBehind() throws Exception {
        int attempts = 1_000;
        AtomicInteger refusals = new AtomicInteger();
        AccessListener counting = new AccessListener() {
            @Override
            public void refused(InetSocketAddress peer, Refusal refusal) {
                if (refusal == Refusal.ALLOW_CLIENTS) {
                    refusals.incrementAndGet();
                }
            }
        };
        NotificationBroker broker = broker(counting, "127.0.0.1/32");
        OrderedEventsSubscriber allowed = OrderedEventsSubscriber.subscribe(broker, FILTER);
        open.add(allowed);
        for (int i = 0; i < 20; i++) {
            assertThat(refusedAnswer(broker)).containsExactly(0x20, 0x02, 0x00, NOT_AUTHORIZED);
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> refusals.get() == 20);
        ProcessResources before = ProcessResources.measure();

        RouteEventPublisher publisher = RouteEventPublisher.start(broker, 200);
        open.add(publisher);
        long[] answerMicros = new long[attempts];
        int logLines;
        long loopStarted = System.nanoTime();
        try (CountedLog log = new CountedLog("dev.jetemu.broker.access")) {
            for (int i = 0; i < attempts; i++) {
                long started = System.nanoTime();
                assertThat(refusedAnswer(broker)).as("attempt %d", i).containsExactly(0x20, 0x02, 0x00, NOT_AUTHORIZED);
                answerMicros[i] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started);
            }
            await().atMost(30, TimeUnit.SECONDS).until(() -> refusals.get() == 20 + attempts);
            logLines = log.lines();
        }
        int published = publisher.stop();

        await().atMost(60, TimeUnit.SECONDS).until(() -> allowed.receivedAll(published));
        assertThat(allowed.firstProblem()).isNull();
        assertThat(allowed.isConnected()).isTrue();
        assertThat(answer(RawMqtt.open("127.0.0.1", broker.port()), "allowed-after")).isEqualTo(ACCEPTED);
        await().atMost(30, TimeUnit.SECONDS).until(() -> broker.openConnections() == 1);
        assertThat(broker.connectedClientIds()).containsExactly(allowed.clientId());

        ProcessResources after = ProcessResources.measure();
        Arrays.sort(answerMicros);
        System.out.printf("refused retries: %d attempts from 127.0.0.2, each answered CONNACK 5 and closed;"
                        + " time to the answer and close p50 %d us, p99 %d us, max %d us; %d log lines;"
                        + " the allowed subscriber received %d of %d events; before: %s; after: %s%n",
                attempts, answerMicros[attempts / 2], answerMicros[attempts * 99 / 100], answerMicros[attempts - 1],
                logLines, allowed.received(), published, before, after);
        // At most 10 refusal lines in each 10 s, however fast the client retries (the 20 refusals
        // before may have spent this window's already); the listener counted every one above.
        long windows = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - loopStarted) / 10 + 1;
        assertThat(logLines).isLessThanOrEqualTo((int) (10 * windows));
        assertThat(after.heapUsedBytes() - before.heapUsedBytes()).isLessThan(16 * MIB);
        assertThat(after.threads()).isLessThanOrEqualTo(before.threads() + 4);
        if (before.openFiles() >= 0) {
            await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(ProcessResources.countOpenFiles()).isLessThanOrEqualTo(before.openFiles() + 4));
        }
    }

    /**
     * Refused clients that never send their CONNECT do not hold a connection for long: the broker
     * closes each when its CONNECT time runs out, and their descriptors are freed.
     */
    @Test
    void silentRefusedClientsAreClosedByTheBroker() throws Exception {
        NotificationBroker broker = broker("127.0.0.1/32");
        int filesBefore = ProcessResources.countOpenFiles();
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Socket socket = RawMqtt.open("127.0.0.2", broker.port());
                socket.setSoTimeout(30_000);
                silent.add(socket);
            }
            for (Socket socket : silent) {
                assertThat(socket.getInputStream().read()).as("the broker closes a silent refused client").isEqualTo(-1);
            }
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
        assertThat(broker.openConnections()).isZero();
        if (filesBefore >= 0) {
            await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(ProcessResources.countOpenFiles()).isLessThanOrEqualTo(filesBefore + 4));
        }
    }

    /** Everything a refused client from 127.0.0.2 is sent before the broker closes its connection. */
    private static byte[] refusedAnswer(NotificationBroker broker) throws IOException {
        try (Socket socket = RawMqtt.open("127.0.0.2", broker.port())) {
            socket.getOutputStream().write(RawMqtt.connect("refused"));
            return RawMqtt.readUntilClosed(socket, 5000);
        }
    }

    /** Sends a CONNECT and returns the CONNACK's return code; closes the socket. */
    private static int answer(Socket socket, String clientId) throws IOException {
        try (socket) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(RawMqtt.connect(clientId));
            RawMqtt.Packet packet = RawMqtt.readPacket(new DataInputStream(socket.getInputStream()));
            assertThat(packet.type()).as("CONNACK").isEqualTo(2);
            return packet.body()[1];
        }
    }

    private static void assumeDualStack(NotificationBroker broker) {
        InetAddress listening = broker.localAddress().getAddress();
        assumeThat(listening instanceof Inet6Address && listening.isAnyLocalAddress())
                .as("the broker listens on :: (IPv6 is available); it listens on %s", listening)
                .isTrue();
    }

    /**
     * A connection over an IPv6 socket from {@code ::ffff:SOURCE} to {@code ::ffff:127.0.0.1};
     * skips the test where this machine has no IPv6 sockets.
     */
    private static Socket mappedSocket(String ipv4Source, int port) throws IOException {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.INET6);
        } catch (UnsupportedOperationException | IOException noIpv6) {
            assumeThat(noIpv6).as("IPv6 sockets are available").isNull();
            throw noIpv6;
        }
        channel.bind(new InetSocketAddress(mapped(ipv4Source), 0));
        channel.connect(new InetSocketAddress(mapped("127.0.0.1"), port));
        return channel.socket();
    }

    private static InetAddress mapped(String ipv4) throws IOException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, bytes, 12, 4);
        return Inet6Address.getByAddress(null, bytes, null);
    }
}
