package dev.jetemu.sim.device;

import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.Operation;
import dev.jetemu.sim.net.InterfaceAddress;
import dev.jetemu.sim.net.InvalidAddressException;
import dev.jetemu.sim.net.IpAddress;
import dev.jetemu.sim.net.IpVersion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interfaces, units, families and addresses (IFD, IFL, IFF, IFA) and the events their changes make.
 * Every method checks all it needs before it changes anything, so one that throws has changed nothing.
 */
final class Interfaces {

    private final Map<String, PhysicalInterface> ifds = new LinkedHashMap<>();
    private final SnmpIds snmpIds = new SnmpIds();
    private final ConnectedRoutes connectedRoutes;

    Interfaces(RoutingTables routing) {
        this.connectedRoutes = new ConnectedRoutes(routing);
    }

    Collection<PhysicalInterface> all() {
        return ifds.values();
    }

    // ---- IFD

    /** @param snmpId the id to use, or null to have the next one assigned */
    List<JetEvent> addInterface(String name, Integer snmpId) {
        Names.checkInterface(name);
        if (ifds.containsKey(name)) {
            throw new DeviceModelException("interface " + name + " already exists; expected a new interface name, "
                    + "or an ifd-delete step before adding it again");
        }
        PhysicalInterface ifd = new PhysicalInterface(name, snmpId(name, snmpId));
        ifds.put(name, ifd);
        return List.of(ifd.event(Operation.ADD));
    }

    /** Sets the administrative state; units whose flags change with it report an IFL change each. */
    List<JetEvent> changeInterface(String name, boolean disabled) {
        PhysicalInterface ifd = requireInterface(name, "");
        int[] before = unitFlags(ifd);
        ifd.disabled = disabled;
        return changedInterfaceEvents(ifd, before);
    }

    /**
     * Sets the link state; the IFD reports a change, then each unit whose flags change with it. A unit
     * of a disabled interface is down already, so a link change does not change it.
     */
    List<JetEvent> setLink(String name, boolean up) {
        PhysicalInterface ifd = requireInterface(name, "");
        if (ifd.linkDown != up) {
            throw new DeviceModelException(name + " is already " + (up ? "up" : "down") + "; expected "
                    + (up ? "interface-up only after interface-down" : "interface-down only on an interface whose link is up"));
        }
        int[] before = unitFlags(ifd);
        ifd.linkDown = !up;
        return changedInterfaceEvents(ifd, before);
    }

    /** Deletes every unit as {@link #deleteUnit} does, then the interface. */
    List<JetEvent> deleteInterface(String name) {
        PhysicalInterface ifd = requireInterface(name, "");
        List<JetEvent> events = new ArrayList<>();
        for (LogicalUnit unit : ifd.units.values()) {
            unitDeleteEvents(unit, events);
        }
        ifd.units.clear();
        events.add(ifd.event(Operation.DELETE));
        ifds.remove(name);
        snmpIds.release(ifd.snmpId);
        return events;
    }

    // ---- IFL

    /** @param snmpId the id to use, or null to have the next one assigned */
    List<JetEvent> addUnit(IflName name, Integer snmpId) {
        PhysicalInterface ifd = requireInterface(name.ifd(), "cannot add unit " + name + ": ");
        if (ifd.units.containsKey(name.unit())) {
            throw new DeviceModelException("unit " + name + " already exists; expected a new unit number, "
                    + "or an ifl-delete step before adding it again");
        }
        LogicalUnit unit = new LogicalUnit(ifd, name.unit(), snmpId(name.toString(), snmpId));
        ifd.units.put(name.unit(), unit);
        return List.of(unit.event(Operation.ADD));
    }

    List<JetEvent> changeUnit(IflName name, boolean disabled) {
        LogicalUnit unit = requireUnit(name, "");
        unit.disabled = disabled;
        return List.of(unit.event(Operation.CHANGE));
    }

    /** Deletes every family as {@link #deleteFamily} does, then the unit. */
    List<JetEvent> deleteUnit(IflName name) {
        LogicalUnit unit = requireUnit(name, "");
        List<JetEvent> events = new ArrayList<>();
        unitDeleteEvents(unit, events);
        unit.ifd.units.remove(name.unit());
        return events;
    }

    // ---- IFF

    List<JetEvent> addFamily(IflName name, String familyName) {
        Family family = Family.parse(familyName);
        LogicalUnit unit = requireUnit(name, "cannot add family " + family + " to " + name + ": ");
        if (unit.families.containsKey(family)) {
            throw new DeviceModelException("family " + family + " of " + name + " already exists; expected a family "
                    + "the unit does not have, or an iff-delete step before adding it again");
        }
        UnitFamily added = new UnitFamily(unit, family);
        unit.families.put(family, added);
        return List.of(added.event(Operation.ADD));
    }

    /** A change the family's attributes do not show (an MTU, say); the event repeats them. */
    List<JetEvent> changeFamily(IflName name, String familyName) {
        return List.of(requireFamily(name, Family.parse(familyName), "").event(Operation.CHANGE));
    }

    /** Deletes every address as {@link #deleteAddress} does, then the family. */
    List<JetEvent> deleteFamily(IflName name, String familyName) {
        UnitFamily family = requireFamily(name, Family.parse(familyName), "");
        List<JetEvent> events = new ArrayList<>();
        familyDeleteEvents(family, events);
        family.unit.families.remove(family.family);
        return events;
    }

    // ---- IFA

    /** The IFA add, then its direct route, then its local route. */
    List<JetEvent> addAddress(IflName name, String familyName, String addressText) {
        Family familyType = Family.parse(familyName);
        UnitFamily family = requireFamily(name, familyType, "cannot add address " + addressText + " to " + name + ": ");
        InterfaceAddress address = parseAddress(family, addressText);
        InterfaceAddress existing = family.addresses.get(address.local());
        if (existing != null) {
            throw new DeviceModelException("address " + address.local() + " of " + family.describe() + " already exists"
                    + " (as " + existing + "); expected a new address, or an ifa-delete step before adding it again");
        }
        if (address.isSubnetNetworkOrBroadcast()) {
            throw new DeviceModelException("address " + address + " of " + family.describe() + " is its subnet's "
                    + (address.local().equals(address.local().masked(address.length())) ? "network" : "broadcast")
                    + " address; expected a host address of the subnet, such as " + firstHost(address)
                    + "/" + address.length());
        }
        connectedRoutes.checkFree(family, address);
        family.addresses.put(address.local(), address);
        List<JetEvent> events = new ArrayList<>(3);
        events.add(family.addressEvent(Operation.ADD, address));
        connectedRoutes.add(family, address, events);
        return events;
    }

    /** A change the address's attributes do not show; the event repeats them. */
    List<JetEvent> changeAddress(IflName name, String familyName, String addressText) {
        UnitFamily family = requireFamily(name, Family.parse(familyName), "");
        InterfaceAddress address = requireAddress(family, addressText);
        return List.of(family.addressEvent(Operation.CHANGE, address));
    }

    /** Its local route's delete, then its direct route's, then the IFA delete. */
    List<JetEvent> deleteAddress(IflName name, String familyName, String addressText) {
        UnitFamily family = requireFamily(name, Family.parse(familyName), "");
        InterfaceAddress address = requireAddress(family, addressText);
        List<JetEvent> events = new ArrayList<>(3);
        addressDeleteEvents(family, address, events);
        family.addresses.remove(address.local());
        return events;
    }

    // ---- lookups

    boolean hasUnit(IflName name) {
        PhysicalInterface ifd = ifds.get(name.ifd());
        return ifd != null && ifd.units.containsKey(name.unit());
    }

    private PhysicalInterface requireInterface(String name, String context) {
        Names.checkInterface(name);
        PhysicalInterface ifd = ifds.get(name);
        if (ifd == null) {
            throw new DeviceModelException(context + "interface " + name + " does not exist; " + Hints.IFD);
        }
        return ifd;
    }

    private LogicalUnit requireUnit(IflName name, String context) {
        PhysicalInterface ifd = requireInterface(name.ifd(), context);
        LogicalUnit unit = ifd.units.get(name.unit());
        if (unit == null) {
            throw new DeviceModelException(context + "unit " + name + " does not exist; " + Hints.IFL);
        }
        return unit;
    }

    private UnitFamily requireFamily(IflName name, Family family, String context) {
        LogicalUnit unit = requireUnit(name, context);
        UnitFamily found = unit.families.get(family);
        if (found == null) {
            throw new DeviceModelException(context + "family " + family + " of " + name + " does not exist; " + Hints.IFF);
        }
        return found;
    }

    private InterfaceAddress requireAddress(UnitFamily family, String addressText) {
        InterfaceAddress wanted = parseAddress(family, addressText);
        InterfaceAddress found = family.addresses.get(wanted.local());
        if (found == null) {
            throw new DeviceModelException("address " + addressText + " of " + family.describe() + " does not exist; "
                    + Hints.IFA);
        }
        if (addressText.indexOf('/') >= 0 && found.length() != wanted.length()) {
            throw new DeviceModelException("address " + addressText + " of " + family.describe() + " does not exist: "
                    + "the address is configured as " + found + "; expected " + found);
        }
        return found;
    }

    private static InterfaceAddress parseAddress(UnitFamily family, String text) {
        IpVersion version = family.family.addressVersion().orElseThrow(() -> new DeviceModelException(
                family.describe() + " takes no IP address; expected family inet or inet6 for address " + text));
        InterfaceAddress address;
        try {
            address = InterfaceAddress.parse(text);
        } catch (InvalidAddressException e) {
            throw new DeviceModelException("address of " + family.describe() + ": " + e.getMessage());
        }
        if (address.version() != version) {
            throw new DeviceModelException("address " + address + " is " + address.version() + " but "
                    + family.describe() + " takes " + version + " addresses; expected family "
                    + address.version().junosFamily());
        }
        return address;
    }

    // ---- cascades, in the order the kernel reports them: children first

    private void unitDeleteEvents(LogicalUnit unit, List<JetEvent> events) {
        for (UnitFamily family : unit.families.values()) {
            familyDeleteEvents(family, events);
        }
        unit.families.clear();
        events.add(unit.event(Operation.DELETE));
        snmpIds.release(unit.snmpId);
    }

    private void familyDeleteEvents(UnitFamily family, List<JetEvent> events) {
        for (InterfaceAddress address : family.addresses.values()) {
            addressDeleteEvents(family, address, events);
        }
        family.addresses.clear();
        events.add(family.event(Operation.DELETE));
    }

    private void addressDeleteEvents(UnitFamily family, InterfaceAddress address, List<JetEvent> events) {
        connectedRoutes.remove(family, address, events);
        events.add(family.addressEvent(Operation.DELETE, address));
    }

    /** The subnet's first host address; only for IPv4 subnets of /30 and wider. */
    private static IpAddress firstHost(InterfaceAddress address) {
        return new IpAddress.V4(((IpAddress.V4) address.subnet().network()).bits() + 1);
    }

    private int snmpId(String owner, Integer given) {
        if (given == null) {
            return snmpIds.assign(owner);
        }
        snmpIds.claim(given, owner);
        return given;
    }

    private static int[] unitFlags(PhysicalInterface ifd) {
        return ifd.units.values().stream().mapToInt(LogicalUnit::flags).toArray();
    }

    private static List<JetEvent> changedInterfaceEvents(PhysicalInterface ifd, int[] unitFlagsBefore) {
        List<JetEvent> events = new ArrayList<>(1 + ifd.units.size());
        events.add(ifd.event(Operation.CHANGE));
        int i = 0;
        for (LogicalUnit unit : ifd.units.values()) {
            if (unit.flags() != unitFlagsBefore[i++]) {
                events.add(unit.event(Operation.CHANGE));
            }
        }
        return events;
    }
}
