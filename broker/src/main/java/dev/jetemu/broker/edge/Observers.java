package dev.jetemu.broker.edge;

import dev.jetemu.broker.clients.ClientMessages;
import dev.jetemu.broker.clients.Subscriptions;
import dev.jetemu.broker.fault.DeliveryFaults;
import dev.jetemu.broker.flow.Backlogs;

/**
 * What the edge reports to as clients come and go, subscribe, publish and fall behind; and where
 * it learns which faults to cause them.
 */
public record Observers(AccessListener access, Backlogs backlogs, Subscriptions subscriptions,
                        ClientMessages clientMessages, DeliveryFaults faults) {
}
