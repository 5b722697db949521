package dev.jetemu.bench.device;

import dev.jetemu.sim.run.BrokerControl;
import dev.jetemu.sim.run.BrokerView;
import dev.jetemu.sim.run.EventSink;

/** A broker with the device publishing into it in-process: jetemu's as shipped, or Moquette's own. */
interface DeviceTarget extends AutoCloseable {

    /** The MQTT port subscribers connect to. */
    int port();

    /** Where the device's events go, in-process. */
    EventSink sink();

    /** What await-subscribers counts. */
    BrokerView view();

    /** What fault steps act on; the benchmark's scenarios have none. */
    BrokerControl control();

    @Override
    void close();
}
