package dev.jetemu.sim.net;

/** The {@code /length} part of a prefix or interface address. */
final class PrefixLengths {

    private PrefixLengths() {
    }

    static int parse(String whole, String lengthText, IpVersion version) {
        boolean digits = !lengthText.isEmpty() && lengthText.length() <= 3;
        for (int i = 0; digits && i < lengthText.length(); i++) {
            char c = lengthText.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (!digits) {
            throw new InvalidAddressException("prefix length '" + lengthText + "' in '" + whole
                    + "' is not a number; expected a number from 0 to " + version.bits());
        }
        int length = Integer.parseInt(lengthText);
        if (length > version.bits()) {
            throw new InvalidAddressException("prefix length /" + length + " in '" + whole + "' is longer than the "
                    + version.bits() + " bits of an " + version + " address; expected 0 to " + version.bits());
        }
        return length;
    }

    static void check(int length, IpVersion version) {
        if (length < 0 || length > version.bits()) {
            throw new IllegalArgumentException("prefix length " + length + " is out of range 0-" + version.bits());
        }
    }
}
