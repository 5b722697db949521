package dev.jetemu.broker;

import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * broker-socket-send-buffer-size sets SO_SNDBUF on client connections, as the kernel reports it
 * for the broker's side of the connection ({@code ss -m}: Linux doubles the requested size to
 * account for its bookkeeping, so 32768 shows as tb65536).
 */
class SocketSendBufferIT {

    private static final Path SS = Path.of("/usr/bin/ss");

    @Test
    void theConfiguredSizeIsSetOnTheBrokersSideOfEachClientConnection() throws Exception {
        ExternalTool.require(SS, "iproute2");
        BrokerSettings loopback = BrokerSettings.loopbackOnly(0);
        BrokerSettings settings = new BrokerSettings(loopback.bindAddress(), 0, loopback.allowClients(),
                OptionalInt.empty(), OptionalInt.of(32768), List.of(), loopback.maxMessageBytes(), loopback.flow());
        try (NotificationBroker broker = NotificationBroker.start(settings);
             Socket client = RawMqtt.open("127.0.0.1", broker.port())) {
            client.getOutputStream().write(RawMqtt.connect("sized"));
            assertThat(RawMqtt.readPacketTypes(client, 1, 5000)).containsExactly(0x20);

            String report = socketMemoryOfPort(broker.port());

            assertThat(report).contains("tb65536");
        }
    }

    @Test
    void withoutTheSettingTheKernelDefaultStays() throws Exception {
        ExternalTool.require(SS, "iproute2");
        try (NotificationBroker broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
             Socket client = RawMqtt.open("127.0.0.1", broker.port())) {
            client.getOutputStream().write(RawMqtt.connect("default"));
            assertThat(RawMqtt.readPacketTypes(client, 1, 5000)).containsExactly(0x20);

            assertThat(socketMemoryOfPort(broker.port())).contains("skmem:").doesNotContain("tb65536");
        }
    }

    /** ss's socket memory line for the broker's end of established connections on {@code port}. */
    private static String socketMemoryOfPort(int port) throws Exception {
        Process ss = new ProcessBuilder(SS.toString(), "-tmnH", "state", "established", "( sport = :" + port + " )")
                .redirectErrorStream(true).start();
        String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ss.waitFor()).isZero();
        return output;
    }
}
