package dev.jetemu.app.live;

import dev.jetemu.sim.device.DeviceSnapshot;

import java.util.List;

/** The live device as the control API shows it: its host name, then its state. */
public record DeviceState(String hostname, List<DeviceSnapshot.InterfaceView> interfaces,
                          List<DeviceSnapshot.FilterView> firewallFilters, List<DeviceSnapshot.TableView> routeTables) {

    static DeviceState of(String hostname, DeviceSnapshot snapshot) {
        return new DeviceState(hostname, snapshot.interfaces(), snapshot.firewallFilters(), snapshot.routeTables());
    }
}
