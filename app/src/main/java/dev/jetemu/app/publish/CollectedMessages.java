package dev.jetemu.app.publish;

import dev.jetemu.sim.run.AppMessage;
import dev.jetemu.sim.run.MessageWatch;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Application messages as they arrive, for a scenario step to wait on. */
final class CollectedMessages implements MessageWatch {

    private final BlockingQueue<AppMessage> arrived = new LinkedBlockingQueue<>();
    private Runnable onClose = () -> { };

    void add(AppMessage message) {
        arrived.add(message);
    }

    CollectedMessages onClose(Runnable action) {
        onClose = action;
        return this;
    }

    @Override
    public Optional<AppMessage> await(Predicate<AppMessage> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remaining = deadline - System.nanoTime();
            AppMessage message = arrived.poll(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            if (message == null) {
                return Optional.empty();
            }
            if (wanted.test(message)) {
                return Optional.of(message);
            }
        }
    }

    @Override
    public void close() {
        onClose.run();
    }
}
