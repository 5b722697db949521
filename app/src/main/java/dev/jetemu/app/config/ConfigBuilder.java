package dev.jetemu.app.config;

import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.broker.access.Credentials;
import dev.jetemu.broker.flow.SlowSubscriberPolicy;
import dev.jetemu.diagnostics.Diagnostic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Gathers settings as either form reads them, line by line or key by key, into one {@link EmulatorConfig}. */
final class ConfigBuilder {

    private String hostname;
    private final Map<NumericSetting, Integer> numbers = new EnumMap<>(NumericSetting.class);
    /** Null until allow-clients is configured at all; the difference is who may connect. */
    private List<AllowRule> allowClients;
    private final List<Credentials> users = new ArrayList<>();
    private SlowSubscriberPolicy slowSubscriberPolicy;
    private Duration gracePeriod;

    void hostname(String name) {
        hostname = name;
    }

    /** A later value replaces an earlier one, as a later {@code set} does on Junos. */
    void number(NumericSetting setting, int value) {
        numbers.put(setting, value);
    }

    void allowClientsConfigured() {
        if (allowClients == null) {
            allowClients = new ArrayList<>();
        }
    }

    /** Adding an entry that is already there changes nothing, as on Junos. */
    void allow(List<AllowRule> rules) {
        allowClientsConfigured();
        rules.stream().filter(rule -> !allowClients.contains(rule)).forEach(allowClients::add);
    }

    void user(Credentials credentials) {
        users.add(credentials);
    }

    void slowSubscriberPolicy(SlowSubscriberPolicy policy) {
        slowSubscriberPolicy = policy;
    }

    void gracePeriod(Duration period) {
        gracePeriod = period;
    }

    EmulatorConfig build(List<Diagnostic> notes) {
        return new EmulatorConfig(
                Optional.ofNullable(hostname),
                number(NumericSetting.PORT),
                Optional.ofNullable(allowClients),
                number(NumericSetting.MAX_CONNECTIONS),
                number(NumericSetting.BROKER_SOCKET_SEND_BUFFER_SIZE),
                users,
                number(NumericSetting.HTTP_PORT),
                new DeliveryConfig(Optional.ofNullable(slowSubscriberPolicy), Optional.ofNullable(gracePeriod)),
                notes);
    }

    private OptionalInt number(NumericSetting setting) {
        Integer value = numbers.get(setting);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
