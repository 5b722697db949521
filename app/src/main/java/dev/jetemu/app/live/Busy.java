package dev.jetemu.app.live;

/** The live device is running a scenario or other steps; one thing changes it at a time. */
public final class Busy extends Exception {

    public Busy(String what) {
        super(what + " is running on the live device; expected it to finish first");
    }
}
