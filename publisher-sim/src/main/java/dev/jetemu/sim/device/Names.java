package dev.jetemu.sim.device;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks of the names that become topic levels. A name with a space, {@code +}, {@code #} or an empty
 * level (a leading, trailing or doubled {@code /}) would make a topic no subscription matches, or a
 * wildcard, so it is refused before any event is made.
 */
final class Names {

    /**
     * Junos interface names: a lower-case type, then either a number ({@code lo0}, {@code ae12},
     * {@code fxp0}), nothing ({@code irb}, {@code vlan}), or {@code -FPC/PIC/PORT} with an optional
     * {@code :CHANNEL} ({@code ge-0/0/0}, {@code et-0/0/1:2}).
     */
    private static final Pattern INTERFACE = Pattern.compile("[a-z][a-z0-9]{0,15}(?:-[0-9]{1,3}/[0-9]{1,3}/[0-9]{1,3}(?::[0-9]{1,3})?)?");
    private static final String INTERFACE_EXAMPLES = "such as ge-0/0/0, xe-1/2/3, et-0/0/1:2, ae0, irb or lo0";

    /** Filter, table and logical-router names: word characters, dots and dashes, in /-separated levels. */
    private static final Pattern OBJECT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,127}(?:/[A-Za-z0-9_.:-]{1,128}){0,7}");

    private Names() {
    }

    static String checkInterface(String name) {
        if (name == null || name.isEmpty()) {
            throw new DeviceModelException("the interface name is empty; expected a Junos interface name " + INTERFACE_EXAMPLES);
        }
        if (INTERFACE.matcher(name).matches()) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && INTERFACE.matcher(name.substring(0, dot)).matches()) {
            throw new DeviceModelException("'" + name + "' is a unit (logical interface), not an interface; expected "
                    + "the interface name " + name.substring(0, dot));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(name) && INTERFACE.matcher(lower).matches()) {
            throw new DeviceModelException("interface name '" + name + "' has upper-case letters; expected " + lower);
        }
        throw new DeviceModelException("'" + name + "' is not a Junos interface name; expected a name " + INTERFACE_EXAMPLES
                + ": lower-case letters, then a number or -FPC/PIC/PORT, without spaces, '+', '#' or a leading '/', "
                + "which would break the event topics");
    }

    /** A filter, table or logical-router name: {@code what} says which, for the message. */
    static String checkObjectName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new DeviceModelException("the " + what + " name is empty; expected a name such as "
                    + example(what));
        }
        if (!OBJECT.matcher(name).matches()) {
            throw new DeviceModelException(what + " name '" + name + "' is not valid; expected letters, digits, '_', "
                    + "'.', ':' and '-' (and '/' between parts), without spaces, '+', '#' or a leading '/', "
                    + "which would break the event topics, such as " + example(what));
        }
        return name;
    }

    private static String example(String what) {
        return switch (what) {
            case "route table" -> "red.inet.0";
            case "logical router" -> "default";
            default -> "protect-re";
        };
    }
}
