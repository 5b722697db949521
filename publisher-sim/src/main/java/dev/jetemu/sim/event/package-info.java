/**
 * The jet-event notifications the device publishes: the {@link dev.jetemu.sim.event.EventCatalog}
 * (topics, event ids, attributes, flag bits; the one place to correct them), the
 * {@link dev.jetemu.sim.event.JetEvent} value, and the JSON codec.
 *
 * <p>Nothing here knows of brokers or scenarios: a {@code JetEvent} is a topic and a payload waiting
 * for a host name and a time.
 */
package dev.jetemu.sim.event;
