/**
 * The simulated device, the heart of the emulator: its kernel state (interfaces, units, families,
 * addresses, firewall filters, routing tables, routes) and the operations that change it, each
 * returning the jet-events the change makes. Start at {@link dev.jetemu.sim.device.Device}.
 */
package dev.jetemu.sim.device;
