package dev.jetemu.broker.access;

/** A user name and password that a client may present in its CONNECT. */
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
