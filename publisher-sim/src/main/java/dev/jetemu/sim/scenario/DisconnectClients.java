package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;

/** Closes the connections of the clients whose id matches {@code clients}, a glob ({@code app-*}, {@code *}). */
public record DisconnectClients(Position at, String clients) implements Fault {

    public static final String KEYWORD = "disconnect-clients";

    @Override
    public String keyword() {
        return KEYWORD;
    }
}
