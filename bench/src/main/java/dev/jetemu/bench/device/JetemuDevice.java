package dev.jetemu.bench.device;

import dev.jetemu.app.Emulator;
import dev.jetemu.app.publish.EmbeddedBroker;
import dev.jetemu.bench.events.RouteScenario;
import dev.jetemu.sim.run.BrokerControl;
import dev.jetemu.sim.run.BrokerView;
import dev.jetemu.sim.run.EventSink;

/**
 * jetemu as measured: the in-process facade ({@link Emulator}, as an embedding test starts it:
 * loopback clients, a free port) with its broker as shipped, access edge and flow control
 * included; the device publishes into it in-process. Driven by {@link DeviceCommands}.
 */
public final class JetemuDevice implements DeviceTarget {

    private final Emulator emulator;

    private JetemuDevice(Emulator emulator) {
        this.emulator = emulator;
    }

    public static void main(String[] args) throws Exception {
        DeviceCommands.serve(new JetemuDevice(Emulator.builder().hostname(RouteScenario.HOSTNAME).start()));
    }

    private EmbeddedBroker broker() {
        return emulator.embeddedBroker();
    }

    @Override
    public int port() {
        return emulator.mqttPort();
    }

    @Override
    public EventSink sink() {
        return broker();
    }

    @Override
    public BrokerView view() {
        return broker();
    }

    @Override
    public BrokerControl control() {
        return broker();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
