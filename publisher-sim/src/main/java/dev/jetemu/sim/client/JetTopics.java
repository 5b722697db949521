package dev.jetemu.sim.client;

/**
 * Topic filters as the JET client's {@code Create*Topic} functions build them, with the same
 * defaults, for JET applications written in Java (and for jetemu's own tests, which subscribe
 * the way real applications do).
 *
 * <p>Mind the client's defaults: the IFL, IFF and IFA filters without a name assume a
 * three-level interface name ({@code ge-0/0/0}), so they do not match {@code lo0.0} or
 * {@code ae0.1}; a name given for an IFL, IFF or IFA needs its unit ({@code ge-1/2/3.35}). A
 * route prefix is split into its address and length levels.
 */
public final class JetTopics {

    private static final String KERNEL = "/junos/events/kernel";
    private static final String INTERFACES = KERNEL + "/interfaces";

    private JetTopics() {
    }

    /** Every kernel event: {@code /junos/events/kernel/#}. */
    public static String allKernel() {
        return KERNEL + "/#";
    }

    /** {@code .../ifd/OP/#}: every interface. */
    public static String ifd(JetOperation operation) {
        return INTERFACES + "/ifd/" + operation.level() + "/#";
    }

    public static String ifd(JetOperation operation, String interfaceName) {
        return INTERFACES + "/ifd/" + operation.level() + "/" + interfaceName;
    }

    /** {@code .../ifl/OP/+/+/+}: units of three-level interface names only, as the JET client does. */
    public static String ifl(JetOperation operation) {
        return INTERFACES + "/ifl/" + operation.level() + "/+/+/+";
    }

    public static String ifl(JetOperation operation, String interfaceName, int unit) {
        return INTERFACES + "/ifl/" + operation.level() + "/" + interfaceName + "." + unit;
    }

    /** {@code .../iff/OP/+/+/+/+}. */
    public static String iff(JetOperation operation) {
        return INTERFACES + "/iff/" + operation.level() + "/+/+/+/+";
    }

    public static String iff(JetOperation operation, String interfaceName, int unit, String family) {
        return INTERFACES + "/iff/" + operation.level() + "/" + interfaceName + "." + unit + "/" + family;
    }

    /** {@code .../ifa/OP/+/+/+/+/#}. */
    public static String ifa(JetOperation operation) {
        return INTERFACES + "/ifa/" + operation.level() + "/+/+/+/+/#";
    }

    public static String ifa(JetOperation operation, String interfaceName, int unit, String family, String address) {
        return INTERFACES + "/ifa/" + operation.level() + "/" + interfaceName + "." + unit + "/" + family + "/"
                + address;
    }

    /** {@code .../firewall/filter/OP/#}. */
    public static String firewallFilter(JetOperation operation) {
        return KERNEL + "/firewall/filter/" + operation.level() + "/#";
    }

    public static String firewallFilter(JetOperation operation, String filterName) {
        return KERNEL + "/firewall/filter/" + operation.level() + "/" + filterName;
    }

    /** {@code .../route/OP/+/+/#}: family, prefix address, then length. */
    public static String route(JetOperation operation) {
        return KERNEL + "/route/" + operation.level() + "/+/+/#";
    }

    /** @param prefix written {@code address/length}: {@code 10.1.0.0/16}, {@code 2001:db8::/32} */
    public static String route(JetOperation operation, String family, String prefix) {
        int slash = prefix.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("prefix '" + prefix + "' has no length; expected address/length");
        }
        return KERNEL + "/route/" + operation.level() + "/" + family + "/" + prefix.substring(0, slash) + "/"
                + prefix.substring(slash + 1);
    }

    /** {@code .../route-table/OP/+/#}: table, then logical router. */
    public static String routeTable(JetOperation operation) {
        return KERNEL + "/route-table/" + operation.level() + "/+/#";
    }

    public static String routeTable(JetOperation operation, String table, String logicalRouter) {
        return KERNEL + "/route-table/" + operation.level() + "/" + table + "/" + logicalRouter;
    }

    /** Every syslog event: {@code /junos/events/syslog/#}. */
    public static String syslog() {
        return "/junos/events/syslog/#";
    }

    public static String syslog(String eventId) {
        return "/junos/events/syslog/" + eventId;
    }

    /** The configuration-update topic of the genpub publisher. */
    public static String configUpdate() {
        return "/junos/events/genpub/config-update";
    }
}
