package dev.jetemu.app.config;

import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.Position;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Every numeric setting and its range, in one table, so that the YAML form and the set-command form
 * accept and reject exactly the same numbers with exactly the same words.
 */
enum NumericSetting {
    /** 0 asks for any free port, which tests use to run in parallel. */
    PORT("port", 0, 65535),
    MAX_CONNECTIONS("max-connections", 1, 65535),
    BROKER_SOCKET_SEND_BUFFER_SIZE("broker-socket-send-buffer-size", 1024, 64 * 1024 * 1024),
    /** The control API's port under {@code http}: 0 for any free port, {@code off} ({@link EmulatorConfig#HTTP_OFF}) for none. */
    HTTP_PORT("port", 0, 65535);


    /** The statements under {@code notification} that take a number. */
    static final List<NumericSetting> NOTIFICATION = List.of(PORT, MAX_CONNECTIONS, BROKER_SOCKET_SEND_BUFFER_SIZE);

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

    private final String key;
    private final int min;
    private final int max;

    NumericSetting(String key, int min, int max) {
        this.key = key;
        this.min = min;
        this.max = max;
    }

    static Optional<NumericSetting> underNotification(String key) {
        return NOTIFICATION.stream().filter(setting -> setting.key.equals(key)).findFirst();
    }

    /** The key in YAML and the statement name in a set command. */
    String key() {
        return key;
    }

    String expectation() {
        return "a whole number from " + min + " to " + max + (takesOff() ? ", or off" : "");
    }

    /** Whether the setting may be turned off by writing {@code off}. */
    boolean takesOff() {
        return this == HTTP_PORT;
    }

    /**
     * Checks the value as written and reports what is wrong with it at {@code at}.
     *
     * @return the value, or empty when it was reported as wrong
     */
    OptionalInt read(String text, Position at, Diagnostics diagnostics) {
        if (takesOff() && text.equalsIgnoreCase("off")) {
            return OptionalInt.of(EmulatorConfig.HTTP_OFF);
        }
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            diagnostics.error(at, key + " '" + text + "' is not a whole number; expected " + expectation());
            return OptionalInt.empty();
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            diagnostics.error(at, key + " " + text + " is out of range; expected " + expectation());
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.intValueExact());
    }

    /** Whether {@code text} is written as a whole number at all, in or out of range. */
    static boolean looksLikeWholeNumber(String text) {
        return WHOLE_NUMBER.matcher(text).matches();
    }
}
