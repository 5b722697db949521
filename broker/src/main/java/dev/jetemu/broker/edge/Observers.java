package dev.jetemu.broker.edge;

import dev.jetemu.broker.clients.ClientMessages;
import dev.jetemu.broker.clients.Subscriptions;
import dev.jetemu.broker.fault.DeliveryFaults;
import dev.jetemu.broker.flow.Backlogs;
import dev.jetemu.broker.observe.DeliveryListener;

/**
 * What the edge reports to as clients come and go, subscribe, publish, fall behind and are sent
 * messages; and where it learns which faults to cause them.
 */
public record Observers(AccessListener access, DeliveryListener delivery, Backlogs backlogs,
                        Subscriptions subscriptions, ClientMessages clientMessages, DeliveryFaults faults) {
}
