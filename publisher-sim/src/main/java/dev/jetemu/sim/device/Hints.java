package dev.jetemu.sim.device;

/**
 * The "expected ..." halves of error messages that point at how an object comes to exist. They name
 * the scenario steps ({@code ifd-add}, ...), so they are kept together to follow the scenario format.
 */
final class Hints {

    static final String IFD = "expected an interface added in the device section or by an ifd-add step";
    static final String IFL = "expected a unit added in the device section or by an ifl-add step";
    static final String IFF = "expected a family added in the device section or by an iff-add step";
    static final String IFA = "expected an address added in the device section or by an ifa-add step";
    static final String FILTER = "expected a filter added in the device section or by a firewall-filter-add step";
    static final String TABLE = "expected inet.0, inet6.0 or a table added in the device section or by a "
            + "route-table-add step";
    static final String ROUTE = "expected a route added in the device section or by a route-add step";

    private Hints() {
    }
}
