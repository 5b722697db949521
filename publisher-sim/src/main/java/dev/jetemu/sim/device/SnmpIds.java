package dev.jetemu.sim.device;

import java.util.HashMap;
import java.util.Map;

/**
 * SNMP ifIndex numbers, one space for interfaces and units as in Junos. Ids not given are counted
 * from {@link Device#FIRST_SNMP_ID} in creation order, skipping any in use; a counted id is not handed out again
 * after its owner is deleted, so a run's ids depend only on the order of its operations.
 */
final class SnmpIds {

    private final Map<Integer, String> owners = new HashMap<>();
    private int next = Device.FIRST_SNMP_ID;

    /** Checks that an explicitly given id is free, without taking it. */
    void checkFree(int id, String owner) {
        if (id < 1) {
            throw new DeviceModelException("snmp-id " + id + " of " + owner + " is not valid; expected a number from 1 to "
                    + Integer.MAX_VALUE);
        }
        String holder = owners.get(id);
        if (holder != null) {
            throw new DeviceModelException("snmp-id " + id + " of " + owner + " is already used by " + holder
                    + "; expected an snmp-id no other interface or unit has, or none to have one assigned");
        }
    }

    void claim(int id, String owner) {
        checkFree(id, owner);
        owners.put(id, owner);
    }

    int assign(String owner) {
        while (owners.containsKey(next)) {
            next++;
        }
        owners.put(next, owner);
        return next++;
    }

    void release(int id) {
        owners.remove(id);
    }
}
