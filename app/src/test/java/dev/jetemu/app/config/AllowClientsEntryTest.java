package dev.jetemu.app.config;

import dev.jetemu.broker.access.AddressPrefix;
import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.Position;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How an allow-clients entry written at the edges of the address syntax is read. */
class AllowClientsEntryTest {

    private final Diagnostics diagnostics = new Diagnostics("jetemu.yaml");

    private List<AllowRule> resolve(String text) {
        return AllowClientsEntry.resolve(text, new Position(3, 7), diagnostics);
    }

    private static AddressPrefix prefix(String text) {
        return AddressPrefix.parse(text).orElseThrow();
    }

    private List<String> errors() {
        return diagnostics.errors().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aPrefixWithHostBitsSetIsAcceptedAsItsNetworkAndKeepsItsWrittenForm() {
        List<AllowRule> rules = resolve("127.0.0.1/8");

        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.source()).isEqualTo("127.0.0.1/8");
            assertThat(rule.prefix()).isEqualTo(prefix("127.0.0.0/8"));
        });
        assertThat(errors()).isEmpty();
        assertThat(diagnostics.notes()).isEmpty();
    }

    @Test
    void theEdgeLengthsAreAccepted() {
        assertThat(resolve("0.0.0.0/0")).extracting(AllowRule::prefix).containsExactly(prefix("0.0.0.0/0"));
        assertThat(resolve("::/0")).extracting(AllowRule::prefix).containsExactly(prefix("::/0"));
        assertThat(resolve("127.0.0.1/32")).extracting(AllowRule::prefix).containsExactly(prefix("127.0.0.1"));
        assertThat(resolve("::1/128")).extracting(AllowRule::prefix).containsExactly(prefix("::1"));
        assertThat(errors()).isEmpty();
    }

    @Test
    void anIpv4MappedEntryIsTheIpv4PrefixItCarries() {
        assertThat(resolve("::ffff:127.0.0.1")).extracting(rule -> rule.prefix().toString())
                .containsExactly("127.0.0.1/32");
        assertThat(resolve("::ffff:10.0.0.0/104")).extracting(rule -> rule.prefix().toString())
                .containsExactly("10.0.0.0/8");
        assertThat(errors()).isEmpty();
    }

    @Test
    void lengthsBeyondTheFamilyAreErrorsNamingThePlace() {
        assertThat(resolve("127.0.0.1/33")).isEmpty();
        assertThat(resolve("::ffff:127.0.0.1/129")).isEmpty();

        assertThat(errors()).containsExactly(
                "jetemu.yaml:3:7: prefix length 33 is longer than the 32 bits of an IPv4 address; expected "
                        + AllowClientsEntry.EXPECTATION,
                "jetemu.yaml:3:7: prefix length 129 is longer than the 128 bits of an IPv6 address; expected "
                        + AllowClientsEntry.EXPECTATION);
    }
}
