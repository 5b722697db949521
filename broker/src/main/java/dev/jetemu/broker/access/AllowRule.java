package dev.jetemu.broker.access;

/**
 * One entry of {@code allow-clients} in force: the prefix it admits and the text the user
 * wrote for it ({@code 10.0.0.0/8}, or a host name that resolved to {@code prefix}).
 */
public record AllowRule(String source, AddressPrefix prefix) {

    @Override
    public String toString() {
        boolean literal;
        try {
            literal = AddressPrefix.parse(source).map(prefix::equals).orElse(false);
        } catch (IllegalArgumentException notAnAddress) {
            literal = false;
        }
        return literal ? source : source + " (" + prefix + ")";
    }
}
