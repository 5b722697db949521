package dev.jetemu.sim.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JetEventParserTest {

    private static final String VENDOR_EXAMPLE = "{\"jet-event\": {\"event-id\": \"KERNEL_EVENT_IFD_ADD\", \"hostname\": "
            + "\"mydevice\", \"time\": \"2016-01-07\", \"severity\": \"info\", \"facility\": \"KERNEL\", "
            + "\"attributes\": {\"name\": \"ge-0/0/0\", \"snmp-id\": 520, \"flags\": 8}}}";

    @Test
    void readsTheVendorsExample() {
        ParsedJetEvent event = JetEventParser.parse(bytes(VENDOR_EXAMPLE));

        assertThat(event).isEqualTo(new ParsedJetEvent("KERNEL_EVENT_IFD_ADD", "mydevice", "2016-01-07", "info", "KERNEL",
                java.util.Map.of("name", "ge-0/0/0", "snmp-id", 520L, "flags", 8L)));
    }

    @Test
    void readsArraysAsLists() {
        ParsedJetEvent event = JetEventParser.parse(bytes("{\"jet-event\":{\"event-id\":\"E\",\"hostname\":\"h\",\"time\":\"t\","
                + "\"severity\":\"info\",\"facility\":\"KERNEL\",\"attributes\":{\"next-hop-address\":[\"192.0.2.2\"],\"up\":true}}}"));

        assertThat(event.attributes().get("next-hop-address")).isEqualTo(List.of("192.0.2.2"));
        assertThat(event.attributes().get("up")).isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", " ", "\r\n", "\0", "{}", "x"})
    void refusesAnythingAfterTheObject(String trailing) {
        assertThatThrownBy(() -> JetEventParser.parse(bytes(VENDOR_EXAMPLE + trailing)))
                .isInstanceOf(MalformedJetEventException.class)
                .hasMessageContaining("bytes follow the JSON object at offset " + VENDOR_EXAMPLE.length());
    }

    @Test
    void refusesAnythingBeforeTheObject() {
        assertThatThrownBy(() -> JetEventParser.parse(bytes(" " + VENDOR_EXAMPLE)))
                .isInstanceOf(MalformedJetEventException.class)
                .hasMessage("the payload does not start with '{'; expected one JSON object");
        assertThatThrownBy(() -> JetEventParser.parse(new byte[0])).isInstanceOf(MalformedJetEventException.class);
    }

    @Test
    void refusesWhatIsNotAJetEvent() {
        assertThatThrownBy(() -> JetEventParser.parse(bytes("{\"jet-event\":{")))
                .isInstanceOf(MalformedJetEventException.class).hasMessageStartingWith("the payload is not valid JSON");
        assertThatThrownBy(() -> JetEventParser.parse(bytes("{\"event\":{}}")))
                .hasMessage("the object's keys are [event]; expected only \"jet-event\"");
        assertThatThrownBy(() -> JetEventParser.parse(bytes("{\"jet-event\":{\"event-id\":1}}")))
                .hasMessage("\"event-id\" is 1; expected a string in \"jet-event\"");
        assertThatThrownBy(() -> JetEventParser.parse(bytes("{\"jet-event\":{\"event-id\":\"E\",\"hostname\":\"h\","
                + "\"time\":\"t\",\"severity\":\"info\",\"facility\":\"KERNEL\"}}")))
                .hasMessage("\"attributes\" is missing; expected an object in \"jet-event\"");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
