package dev.jetemu.bench;

/**
 * Keeps the last batch of events built, so that runs of the same size reuse it: building 200,000
 * payloads allocates about 100 MB, and that garbage is collected here, before the clock starts,
 * not by the broker during a measured run.
 */
final class BatchCache {

    private RouteEvents.Batch batch;

    RouteEvents.Batch get(int events) {
        if (batch == null || batch.size() != events) {
            batch = null;
            batch = RouteEvents.batch(events);
            System.gc();
        }
        return batch;
    }
}
