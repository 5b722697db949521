package dev.jetemu.app.config;

import dev.jetemu.broker.access.Credentials;
import dev.jetemu.broker.flow.SlowSubscriberPolicy;
import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.Durations;
import dev.jetemu.diagnostics.Suggestions;
import dev.jetemu.diagnostics.LocatedYaml;
import dev.jetemu.diagnostics.Position;
import dev.jetemu.diagnostics.YamlList;
import dev.jetemu.diagnostics.YamlMap;
import dev.jetemu.diagnostics.YamlNode;
import dev.jetemu.diagnostics.YamlScalar;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the YAML form of the configuration. Keys mirror the Junos hierarchy ({@code device},
 * {@code notification}, plus the emulator's own {@code http}). Every mistake is collected and reported
 * together; a section written with nothing under it is simply empty.
 */
final class YamlConfigBinder {

    static final String ALLOW_CLIENTS = "allow-clients";
    static final String USERS = "users";

    private static final List<String> TOP_LEVEL_KEYS = List.of("device", "notification", "http", "delivery");
    private static final List<String> DEVICE_KEYS = List.of("hostname");
    private static final List<String> NOTIFICATION_KEYS = List.of(NumericSetting.PORT.key(), ALLOW_CLIENTS,
            NumericSetting.MAX_CONNECTIONS.key(), NumericSetting.BROKER_SOCKET_SEND_BUFFER_SIZE.key(), USERS);
    private static final List<String> HTTP_KEYS = List.of(NumericSetting.HTTP_PORT.key());
    private static final String SLOW_SUBSCRIBER_POLICY = "slow-subscriber-policy";
    private static final String GRACE_PERIOD = "grace-period";
    private static final List<String> DELIVERY_KEYS = List.of(SLOW_SUBSCRIBER_POLICY, GRACE_PERIOD);
    private static final List<String> USER_KEYS = List.of("name", "password");

    private static final String ALLOW_LIST = "a list of addresses, prefixes or host names";
    private static final String USER_LIST = "a list of users such as [{ name: jetapp, password: secret }]";

    private final Diagnostics diagnostics;
    private final ConfigBuilder config = new ConfigBuilder();

    private YamlConfigBinder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    static EmulatorConfig bind(String displayName, String content) {
        YamlConfigBinder binder = new YamlConfigBinder(new Diagnostics(displayName));
        LocatedYaml.parse(content, binder.diagnostics).ifPresent(binder::root);
        binder.diagnostics.throwIfErrors();
        return binder.config.build(binder.diagnostics.notes());
    }

    private void root(YamlNode root) {
        if (!(root instanceof YamlMap map)) {
            diagnostics.error(root.position(), "the top level is " + describe(root)
                    + "; expected a map with keys " + String.join(", ", TOP_LEVEL_KEYS));
            return;
        }
        map.reportUnknownKeys(TOP_LEVEL_KEYS, "at the top level", diagnostics);
        section(map, "device", DEVICE_KEYS).ifPresent(this::device);
        section(map, "notification", NOTIFICATION_KEYS).ifPresent(this::notification);
        section(map, "http", HTTP_KEYS).ifPresent(http -> number(http, NumericSetting.HTTP_PORT));
        section(map, "delivery", DELIVERY_KEYS).ifPresent(this::delivery);
    }

    private void delivery(YamlMap delivery) {
        List<String> policies = Arrays.stream(SlowSubscriberPolicy.values()).map(SlowSubscriberPolicy::configName)
                .toList();
        String policyExpectation = "one of " + String.join(", ", policies);
        delivery.entry(SLOW_SUBSCRIBER_POLICY).ifPresent(entry -> text(entry, policyExpectation).ifPresent(name -> {
            Optional<SlowSubscriberPolicy> policy = Arrays.stream(SlowSubscriberPolicy.values())
                    .filter(candidate -> candidate.configName().equals(name))
                    .findFirst();
            if (policy.isPresent()) {
                config.slowSubscriberPolicy(policy.get());
            } else {
                diagnostics.error(entry.value().position(), "unknown slow-subscriber-policy '" + name + "'"
                        + Suggestions.didYouMean(name, policies).map(s -> " (did you mean '" + s + "'?)").orElse("")
                        + "; expected " + policyExpectation);
            }
        }));
        delivery.entry(GRACE_PERIOD).ifPresent(entry -> text(entry, Durations.EXPECTATION).ifPresent(text -> {
            try {
                config.gracePeriod(Durations.parse(text));
            } catch (IllegalArgumentException e) {
                diagnostics.error(entry.value().position(), "grace-period " + e.getMessage());
            }
        }));
    }

    /** The section's map, its unknown keys reported; empty when it is absent, written empty, or not a map. */
    private Optional<YamlMap> section(YamlMap parent, String key, List<String> keys) {
        Optional<YamlMap.Entry> entry = parent.entry(key);
        if (entry.isEmpty() || isNull(entry.get().value())) {
            return Optional.empty();
        }
        if (entry.get().value() instanceof YamlMap section) {
            section.reportUnknownKeys(keys, "in " + key, diagnostics);
            return Optional.of(section);
        }
        wrongType(entry.get(), "a map with keys " + String.join(", ", keys));
        return Optional.empty();
    }

    private void device(YamlMap device) {
        device.entry("hostname").ifPresent(entry -> text(entry, HostNames.EXPECTATION)
                .flatMap(name -> HostNames.check(name, entry.value().position(), diagnostics))
                .ifPresent(config::hostname));
    }

    private void notification(YamlMap notification) {
        NumericSetting.NOTIFICATION.forEach(setting -> number(notification, setting));
        notification.entry(ALLOW_CLIENTS).ifPresent(this::allowClients);
        notification.entry(USERS).ifPresent(this::users);
    }

    /** Numbers are taken by YAML type, so that {@code "1883"} in quotes is caught as the string it is. */
    private void number(YamlMap map, NumericSetting setting) {
        map.entry(setting.key()).ifPresent(entry -> {
            if (entry.value() instanceof YamlScalar scalar && (scalar.kind() == YamlScalar.Kind.INTEGER
                    || scalar.kind() == YamlScalar.Kind.FLOAT || setting.takesOff() && scalar.text().equalsIgnoreCase("off"))) {
                setting.read(scalar.text(), scalar.position(), diagnostics)
                        .ifPresent(value -> config.number(setting, value));
            } else if (entry.value() instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.STRING
                    && NumericSetting.looksLikeWholeNumber(scalar.text())) {
                wrongType(entry, setting.expectation() + ", written without quotes");
            } else {
                wrongType(entry, setting.expectation());
            }
        });
    }

    /** A single value is taken as a list of one, as {@code allow-clients address X} is on Junos. */
    private void allowClients(YamlMap.Entry entry) {
        YamlNode value = entry.value();
        if (isNull(value)) {
            wrongType(entry, ALLOW_LIST + ", or [] to allow no client");
            return;
        }
        if (value instanceof YamlMap) {
            wrongType(entry, ALLOW_LIST);
            return;
        }
        config.allowClientsConfigured();
        List<YamlNode> items = value instanceof YamlList list ? list.items() : List.of(value);
        for (YamlNode item : items) {
            if (item instanceof YamlScalar scalar && !scalar.isNull()) {
                config.allow(AllowClientsEntry.resolve(scalar.text(), scalar.position(), diagnostics));
            } else {
                diagnostics.error(item.position(), "allow-clients entry is " + describe(item)
                        + "; expected " + AllowClientsEntry.EXPECTATION);
            }
        }
    }

    private void users(YamlMap.Entry entry) {
        if (!(entry.value() instanceof YamlList list)) {
            wrongType(entry, USER_LIST);
            return;
        }
        Map<String, Position> firstSeen = new HashMap<>();
        for (YamlNode item : list.items()) {
            if (item instanceof YamlMap user) {
                user(user, firstSeen);
            } else {
                diagnostics.error(item.position(), "user is " + describe(item)
                        + "; expected a map with keys " + String.join(", ", USER_KEYS));
            }
        }
    }

    private void user(YamlMap user, Map<String, Position> firstSeen) {
        user.reportUnknownKeys(USER_KEYS, "in a user", diagnostics);
        Optional<YamlMap.Entry> nameEntry = user.entry("name");
        Optional<String> name = nameEntry.flatMap(entry -> text(entry, "a non-empty user name"));
        if (nameEntry.isEmpty()) {
            diagnostics.error(user.position(), "user has no name; expected keys name and password");
        } else if (name.isPresent()) {
            Position at = nameEntry.get().value().position();
            if (name.get().isEmpty()) {
                diagnostics.error(at, "user name is empty; expected a non-empty user name");
                name = Optional.empty();
            } else if (firstSeen.containsKey(name.get())) {
                Position first = firstSeen.get(name.get());
                diagnostics.error(at, "duplicate user name '" + name.get() + "'; expected each user name once"
                        + " (first at line " + first.line() + ", column " + first.column() + ")");
                name = Optional.empty();
            } else {
                firstSeen.put(name.get(), at);
            }
        }
        Optional<YamlMap.Entry> passwordEntry = user.entry("password");
        Optional<String> password = passwordEntry.flatMap(entry -> text(entry, "a password"));
        if (passwordEntry.isEmpty()) {
            diagnostics.error(user.position(), "user " + name.map(n -> "'" + n + "' ").orElse("")
                    + "has no password; expected keys name and password");
        }
        if (name.isPresent() && password.isPresent()) {
            config.user(new Credentials(name.get(), password.get()));
        }
    }

    /**
     * A value used as text. Any scalar will do, by its spelling: a password of digits or a host name
     * such as {@code 1e100} are text to the user, whatever type YAML gives them.
     */
    private Optional<String> text(YamlMap.Entry entry, String expectation) {
        if (entry.value() instanceof YamlScalar scalar && !scalar.isNull()) {
            return Optional.of(scalar.text());
        }
        wrongType(entry, expectation);
        return Optional.empty();
    }

    /** A missing value is reported at its key, since an empty value has no place of its own to point at. */
    private void wrongType(YamlMap.Entry entry, String expectation) {
        if (isNull(entry.value())) {
            diagnostics.error(entry.keyPosition(), entry.key() + " has no value; expected " + expectation);
        } else {
            diagnostics.error(entry.value().position(), entry.key() + " is " + describe(entry.value())
                    + "; expected " + expectation);
        }
    }

    private static String describe(YamlNode node) {
        return node instanceof YamlScalar scalar && !scalar.isNull()
                ? scalar.kindName() + " ('" + scalar.text() + "')"
                : node.kindName();
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof YamlScalar scalar && scalar.isNull();
    }
}
