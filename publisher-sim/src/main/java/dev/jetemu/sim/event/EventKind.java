package dev.jetemu.sim.event;

/**
 * The kinds of notification the device publishes. A closed list of names: what each one looks like
 * (topic, event ids, attributes) is in {@link EventCatalog}.
 */
public enum EventKind {
    /** A physical interface (interface device), {@code ge-0/0/0}. */
    IFD,
    /** A logical interface (unit), {@code ge-0/0/0.0}. */
    IFL,
    /** A protocol family on a unit, {@code inet} on {@code ge-0/0/0.0}. */
    IFF,
    /** An address of a family on a unit. */
    IFA,
    FIREWALL_FILTER,
    ROUTE,
    ROUTE_TABLE,
    /** A Junos syslog message, relayed by eventd. */
    SYSLOG,
    /** A committed configuration change, announced by the generic publisher. */
    CONFIG_UPDATE
}
