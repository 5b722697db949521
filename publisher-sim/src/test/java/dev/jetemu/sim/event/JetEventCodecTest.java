package dev.jetemu.sim.event;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JetEventCodecTest {

    private static final Instant JAN_7_2016 = Instant.parse("2016-01-07T10:20:30.456Z");

    @Test
    void writesTheVendorsExampleExactly() {
        byte[] payload = JetEventCodec.encode(JetEvents.ifd(Operation.ADD, "ge-0/0/0", 520, 8), "mydevice", JAN_7_2016);

        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(
                "{\"jet-event\":{\"event-id\":\"KERNEL_EVENT_IFD_ADD\",\"hostname\":\"mydevice\","
                        + "\"time\":\"2016-01-07T10:20:30.456Z\",\"severity\":\"info\",\"facility\":\"KERNEL\","
                        + "\"attributes\":{\"name\":\"ge-0/0/0\",\"snmp-id\":520,\"flags\":8}}}");
    }

    @Test
    void nothingFollowsTheObject() {
        byte[] payload = JetEventCodec.encode(JetEvents.ifd(Operation.ADD, "ge-0/0/0", 520, 8), "mydevice", JAN_7_2016);

        assertThat(payload[0]).isEqualTo((byte) '{');
        assertThat(payload[payload.length - 1]).isEqualTo((byte) '}');
        assertThat(payload).doesNotContain((byte) '\n', (byte) ' ');
    }

    @Test
    void writesARouteWithItsNextHopsAsAnArrayAndNumbersUnquoted() {
        JetEvent route = JetEvents.route(Operation.ADD, "inet.0", "default", "inet", "static", "10.1.0.0", 16,
                List.of("192.0.2.2", "192.0.2.6"));

        String payload = new String(JetEventCodec.encode(route, "vmx1", JAN_7_2016), StandardCharsets.UTF_8);

        assertThat(payload).isEqualTo("{\"jet-event\":{\"event-id\":\"KERNEL_EVENT_ROUTE_ADD\",\"hostname\":\"vmx1\","
                + "\"time\":\"2016-01-07T10:20:30.456Z\",\"severity\":\"info\",\"facility\":\"KERNEL\",\"attributes\":{"
                + "\"table-name\":\"inet.0\",\"logical-router-name\":\"default\",\"address-family\":\"inet\","
                + "\"route-type\":\"static\",\"route-prefix\":\"10.1.0.0/16\","
                + "\"next-hop-address\":[\"192.0.2.2\",\"192.0.2.6\"],\"flags\":0}}}");
    }

    @Test
    void writesSyslogValuesOfEveryTypeAndUtf8() {
        Map<String, Object> pairs = new LinkedHashMap<>();
        pairs.put("username", "lab");
        pairs.put("count", 3_000_000_000L);
        pairs.put("forced", true);
        pairs.put("groups", List.of("a", "b"));
        pairs.put("message", "caf\u00e9 \"quoted\"");
        JetEvent event = JetEvents.syslog("UI_COMMIT_COMPLETED", Severity.NOTICE, Facility.INTERACTIVE_COMMANDS, pairs);

        byte[] payload = JetEventCodec.encode(event, "r\u00e9seau", JAN_7_2016);

        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(
                "{\"jet-event\":{\"event-id\":\"UI_COMMIT_COMPLETED\",\"hostname\":\"r\u00e9seau\","
                        + "\"time\":\"2016-01-07T10:20:30.456Z\",\"severity\":\"notice\",\"facility\":\"INTERACTIVE-COMMANDS\","
                        + "\"attributes\":{\"username\":\"lab\",\"count\":3000000000,\"forced\":true,\"groups\":[\"a\",\"b\"],"
                        + "\"message\":\"caf\u00e9 \\\"quoted\\\"\"}}}");
        // é is two bytes in UTF-8, not an escape
        assertThat(payload).containsSequence((byte) 'r', (byte) 0xc3, (byte) 0xa9);
    }

    @Test
    void readsBackWhatItWrites() {
        JetEvent event = JetEvents.ifa(Operation.ADD, "ge-0/0/1", 0, "inet", "192.0.2.1", "192.0.2.0/30", "192.0.2.3");

        ParsedJetEvent parsed = JetEventParser.parse(JetEventCodec.encode(event, "vmx1", JAN_7_2016));

        assertThat(parsed.eventId()).isEqualTo("KERNEL_EVENT_IFA_ADD");
        assertThat(parsed.hostname()).isEqualTo("vmx1");
        assertThat(parsed.time()).isEqualTo("2016-01-07T10:20:30.456Z");
        assertThat(parsed.severity()).isEqualTo("info");
        assertThat(parsed.facility()).isEqualTo("KERNEL");
        assertThat(parsed.attributes()).containsExactly(
                Map.entry("name", "ge-0/0/1"), Map.entry("subunit", 0L), Map.entry("family", "inet"),
                Map.entry("local-address", "192.0.2.1"), Map.entry("destination-address", "192.0.2.0/30"),
                Map.entry("broadcast-address", "192.0.2.3"), Map.entry("flags", 0L));
    }
}
