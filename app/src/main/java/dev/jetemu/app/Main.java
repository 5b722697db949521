package dev.jetemu.app;

import dev.jetemu.app.cli.JetemuCommand;

/** The {@code jetemu} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(JetemuCommand.commandLine().execute(args));
    }
}
