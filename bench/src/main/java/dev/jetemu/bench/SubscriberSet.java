package dev.jetemu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The subscribers of one run, all connected and subscribed before the first event is published.
 * The run is over when every one has received the last event, or when none has received anything
 * for the stall timeout (then what is missing is reported as lost).
 */
final class SubscriberSet implements AutoCloseable {

    private final List<SequenceSubscriber> subscribers;
    private final CountDownLatch allDone;

    private SubscriberSet(List<SequenceSubscriber> subscribers, CountDownLatch allDone) {
        this.subscribers = subscribers;
        this.allDone = allDone;
    }

    static SubscriberSet connect(int port, String idPrefix, int count, int qos, int events) throws Exception {
        CountDownLatch allDone = new CountDownLatch(count);
        // Paho takes about 300 ms to connect a client; connecting them side by side saves minutes per benchmark.
        ExecutorService connecting = Executors.newFixedThreadPool(count);
        List<Future<SequenceSubscriber>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            pending.add(connecting.submit(() -> SequenceSubscriber.subscribe(port, idPrefix + "-" + (index + 1), index,
                    qos, events, allDone)));
        }
        connecting.shutdown();
        List<SequenceSubscriber> subscribers = new ArrayList<>();
        Exception failure = null;
        for (Future<SequenceSubscriber> subscriber : pending) {
            try {
                subscribers.add(subscriber.get());
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        if (failure != null) {
            subscribers.forEach(SequenceSubscriber::close);
            throw failure;
        }
        return new SubscriberSet(subscribers, allDone);
    }

    /** What the subscribers received. */
    record Delivery(long lastDoneNanos, List<String> problems) {
    }

    Delivery await(Duration stallTimeout) throws InterruptedException {
        long lastTotal = -1;
        long lastProgress = System.nanoTime();
        while (!allDone.await(100, TimeUnit.MILLISECONDS)) {
            long total = subscribers.stream().mapToLong(SequenceSubscriber::received).sum();
            if (total != lastTotal) {
                lastTotal = total;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
                break;
            }
        }
        boolean stalled = allDone.getCount() > 0;
        List<String> problems = new ArrayList<>();
        long lastDone = 0;
        for (SequenceSubscriber subscriber : subscribers) {
            subscriber.problem().ifPresent(problems::add);
            lastDone = Math.max(lastDone, subscriber.doneNanos());
        }
        if (stalled) {
            problems.add(0, allDone.getCount() + " of " + subscribers.size()
                    + " subscribers never received the last event; nothing arrived for " + stallTimeout.toSeconds()
                    + " s");
        }
        return new Delivery(lastDone, problems);
    }

    @Override
    public void close() {
        subscribers.forEach(SequenceSubscriber::close);
    }
}
