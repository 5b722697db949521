package dev.jetemu.broker.fault;

/** What the delivery faults did so far, for metrics: messages, not clients, counted once each. */
public interface FaultCounts {

    /** Messages a client did not receive because a drop fault took them. */
    long droppedByFault();

    /** Messages a client received twice because a duplicate fault sent them again. */
    long duplicatedByFault();
}
