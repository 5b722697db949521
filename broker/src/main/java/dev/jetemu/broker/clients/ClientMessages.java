package dev.jetemu.broker.clients;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Who listens to what applications publish; while nobody does, a publish costs one read of an empty list. */
public final class ClientMessages {

    private final List<ClientMessageListener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(ClientMessageListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ClientMessageListener listener) {
        listeners.remove(listener);
    }

    boolean anyListener() {
        return !listeners.isEmpty();
    }

    void published(String clientId, String topic, byte[] payload) {
        for (ClientMessageListener listener : listeners) {
            listener.published(clientId, topic, payload);
        }
    }
}
