package dev.jetemu.sim.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JsonSubsetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"action\":\"restart\",\"interface\":\"ge-0/0/1\"} | {\"action\":\"restart\"} | true",
            "{\"action\":\"restart\"} | {\"action\":\"shutdown\"} | false",
            "{\"a\":{\"b\":1,\"c\":2}} | {\"a\":{\"b\":1}} | true",
            "{\"a\":{\"b\":1}} | {\"a\":{\"b\":1,\"c\":2}} | false",
            "{\"n\":1.0} | {\"n\":1} | true",
            "{\"n\":\"1\"} | {\"n\":1} | false",
            "{\"list\":[1,{\"x\":2,\"y\":3}]} | {\"list\":[1,{\"x\":2}]} | true",
            "{\"list\":[1,2]} | {\"list\":[1]} | false",
            "[1,2] | {} | false",
            "{\"anything\":true} | {} | true",
    })
    void contains(String actual, String expected, boolean result) throws Exception {
        assertThat(JsonSubset.contains(json(actual), json(expected))).isEqualTo(result);
    }
}
