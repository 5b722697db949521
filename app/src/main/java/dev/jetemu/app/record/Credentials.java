package dev.jetemu.app.record;

import java.util.Optional;

/** A user name, and maybe a password, to log in to the broker with. */
public record Credentials(String user, Optional<String> password) {

    @Override
    public String toString() {
        return "Credentials[user=" + user + (password.isPresent() ? ", password=***" : "") + "]";
    }
}
