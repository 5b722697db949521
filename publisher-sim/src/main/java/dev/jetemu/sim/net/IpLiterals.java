package dev.jetemu.sim.net;

/**
 * Parsing and printing of address literals. Written by hand rather than with
 * {@code InetAddress.getByName}, which accepts shorthand such as {@code 10.1} (meaning 10.0.0.1)
 * and may consult DNS for anything that is not a literal.
 */
final class IpLiterals {

    private static final String IPV4_EXPECTED =
            "expected four numbers from 0 to 255 separated by dots, such as 192.0.2.1";
    private static final String IPV6_EXPECTED =
            "expected eight groups of up to four hex digits separated by colons, "
                    + "with at most one :: for a run of zeros, such as 2001:db8::1";

    private IpLiterals() {
    }

    static boolean looksLikeIpv6(String text) {
        return text.indexOf(':') >= 0;
    }

    static int parseIpv4(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                throw invalidIpv4(text, "it has characters other than digits and dots (names are not looked up)");
            }
        }
        int value = 0;
        int parts = 0;
        int start = 0;
        while (true) {
            int dot = text.indexOf('.', start);
            int end = dot < 0 ? text.length() : dot;
            value = (value << 8) | ipv4Part(text, start, end);
            parts++;
            if (dot < 0) {
                break;
            }
            if (parts == 4) {
                throw invalidIpv4(text, "it has more than four parts");
            }
            start = dot + 1;
        }
        if (parts != 4) {
            throw invalidIpv4(text, "it has " + parts + (parts == 1 ? " part" : " parts"));
        }
        return value;
    }

    private static int ipv4Part(String text, int start, int end) {
        int length = end - start;
        if (length == 0) {
            throw invalidIpv4(text, "it has an empty part");
        }
        if (length > 3) {
            throw invalidIpv4(text, "'" + text.substring(start, end) + "' is not a number from 0 to 255");
        }
        int part = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalidIpv4(text, "'" + text.substring(start, end) + "' is not a number from 0 to 255");
            }
            part = part * 10 + (c - '0');
        }
        // A leading zero reads as octal to some tools (010 = 8): refuse rather than guess.
        if (length > 1 && text.charAt(start) == '0') {
            throw invalidIpv4(text, "'" + text.substring(start, end) + "' has a leading zero");
        }
        if (part > 255) {
            throw invalidIpv4(text, part + " is greater than 255");
        }
        return part;
    }

    private static InvalidAddressException invalidIpv4(String text, String why) {
        return new InvalidAddressException("'" + text + "' is not an IPv4 address: " + why + "; " + IPV4_EXPECTED);
    }

    /** The address as two 64-bit halves, high first. */
    static long[] parseIpv6(String text) {
        if (text.indexOf('%') >= 0) {
            throw invalidIpv6(text, "a zone index (%...) has no place here");
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            throw invalidIpv6(text, ":: appears more than once");
        }
        int[] groups = new int[8];
        int count;
        if (doubleColon < 0) {
            count = groups(text, text, groups, 0, true);
            if (count != 8) {
                throw invalidIpv6(text, "it has " + count + " groups and no ::");
            }
        } else {
            int[] tail = new int[8];
            String before = text.substring(0, doubleColon);
            String after = text.substring(doubleColon + 2);
            int head = before.isEmpty() ? 0 : groups(text, before, groups, 0, false);
            int tailCount = after.isEmpty() ? 0 : groups(text, after, tail, 0, true);
            if (head + tailCount > 7) {
                throw invalidIpv6(text, "it has " + (head + tailCount) + " groups besides the ::");
            }
            System.arraycopy(tail, 0, groups, 8 - tailCount, tailCount);
            count = 8;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return new long[] {high, low};
    }

    /** Parses colon-separated groups of {@code part} into {@code into}; returns how many (an IPv4 tail counts two). */
    private static int groups(String whole, String part, int[] into, int at, boolean mayEndInIpv4) {
        int count = at;
        int start = 0;
        while (true) {
            int colon = part.indexOf(':', start);
            int end = colon < 0 ? part.length() : colon;
            String group = part.substring(start, end);
            if (count >= 8) {
                throw invalidIpv6(whole, "it has more than eight groups");
            }
            if (colon < 0 && mayEndInIpv4 && group.indexOf('.') >= 0) {
                if (count > 6) {
                    throw invalidIpv6(whole, "it has more than eight groups");
                }
                int ipv4;
                try {
                    ipv4 = parseIpv4(group);
                } catch (InvalidAddressException e) {
                    throw invalidIpv6(whole, "its IPv4 tail '" + group + "' is not an IPv4 address");
                }
                into[count++] = ipv4 >>> 16;
                into[count++] = ipv4 & 0xffff;
                return count;
            }
            into[count++] = hexGroup(whole, group);
            if (colon < 0) {
                return count;
            }
            start = colon + 1;
        }
    }

    private static int hexGroup(String whole, String group) {
        if (group.isEmpty()) {
            throw invalidIpv6(whole, "it has an empty group");
        }
        if (group.length() > 4) {
            throw invalidIpv6(whole, "group '" + group + "' has more than four hex digits");
        }
        int value = 0;
        for (int i = 0; i < group.length(); i++) {
            int digit = Character.digit(group.charAt(i), 16);
            if (digit < 0 || group.charAt(i) > 'f') {
                throw invalidIpv6(whole, "group '" + group + "' is not hexadecimal");
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    private static InvalidAddressException invalidIpv6(String text, String why) {
        return new InvalidAddressException("'" + text + "' is not an IPv6 address: " + why + "; " + IPV6_EXPECTED);
    }

    static String formatIpv4(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as ::. */
    static String formatIpv6(long high, long low) {
        if (high == 0 && (low >>> 32) == 0xffffL) {
            // RFC 5952 section 5: an IPv4-mapped address keeps its dotted tail.
            return "::ffff:" + formatIpv4((int) low);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) ((high >>> (48 - 16 * i)) & 0xffff);
            groups[i + 4] = (int) ((low >>> (48 - 16 * i)) & 0xffff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
