package dev.jetemu.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RouteEventsTest {

    private final RouteEvents.Batch batch = RouteEvents.batch(70_000);

    @Test
    void topicsNameTheRouteAsTheDeviceDoes() {
        assertThat(batch.topics()[0]).isEqualTo("/junos/events/kernel/route/add/inet/10.0.0.0/24");
        assertThat(batch.topics()[258]).isEqualTo("/junos/events/kernel/route/add/inet/10.1.2.0/24");
    }

    @Test
    void payloadsAreOneRouteAddJetEventOfAboutTheDevicesSize() {
        byte[] payload = batch.payloads()[258];
        String json = new String(payload, StandardCharsets.US_ASCII);

        assertThat(json).startsWith("{\"jet-event\":{\"event-id\":\"KERNEL_EVENT_ROUTE_ADD\",")
                .contains("\"time\":\"2026-11-21T08:00:00.258Z\"", "\"route-prefix\":\"10.1.2.0/24\"")
                .endsWith(",\"sequence\":258}}");
        assertThat(payload.length).isBetween(340, 400);
    }

    @Test
    void theSequenceIsReadBackFromEveryPayload() {
        for (int sequence : new int[] {0, 9, 10, 255, 65_536, 69_999}) {
            assertThat(RouteEvents.sequenceOf(batch.payloads()[sequence])).isEqualTo(sequence);
        }
    }

    @Test
    void aPayloadWithoutASequenceReadsAsMinusOne() {
        assertThat(RouteEvents.sequenceOf("{\"jet-event\":{}}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(RouteEvents.sequenceOf(new byte[0])).isEqualTo(-1);
        assertThat(RouteEvents.sequenceOf("42}}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }
}
