package dev.jetemu.app.cli;

import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;

/**
 * Waits for SIGINT or SIGTERM. Handling the signals (rather than leaving them to the JVM's
 * shutdown hooks) lets a stopped emulator close its broker and exit 0, as a container
 * runtime or a CI script expects of a clean stop.
 */
final class ShutdownSignals {

    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread toInterrupt;

    static ShutdownSignals install() {
        ShutdownSignals signals = new ShutdownSignals();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                signals.stop.countDown();
                signals.interruptWorker();
            });
        }
        return signals;
    }

    /**
     * Interrupts {@code thread} when a signal comes, until called again with null: for work that
     * must stop at once rather than be waited for ({@code docker stop} kills after 10 s).
     */
    synchronized void interruptOnSignal(Thread thread) {
        toInterrupt = thread;
    }

    private synchronized void interruptWorker() {
        if (toInterrupt != null) {
            toInterrupt.interrupt();
        }
    }

    void await() throws InterruptedException {
        stop.await();
    }

    /** Whether SIGINT or SIGTERM came, for a command that checks between pieces of work. */
    boolean received() {
        return stop.getCount() == 0;
    }
}
