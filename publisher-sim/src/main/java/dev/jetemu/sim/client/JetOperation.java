package dev.jetemu.sim.client;

/** The operation a JET application subscribes to; {@link #ALL} is the single-level wildcard, as in the JET client. */
public enum JetOperation {
    ADD("add"), CHANGE("change"), DELETE("delete"), ALL("+");

    private final String level;

    JetOperation(String level) {
        this.level = level;
    }

    /** The topic level: {@code add}, {@code change}, {@code delete} or {@code +}. */
    public String level() {
        return level;
    }
}
