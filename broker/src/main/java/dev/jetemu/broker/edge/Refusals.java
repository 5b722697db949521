package dev.jetemu.broker.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;

/**
 * Tells of the clients the access rules keep out. Each refusal is told to the listener, which
 * counts it; the log has a WARN line for each of the first few in every ten seconds, so that a
 * client retrying in a loop cannot flood it, and the next line logged says how many were not.
 */
final class Refusals {

    private static final Logger LOG = LoggerFactory.getLogger("dev.jetemu.broker.access");

    private final AccessListener listener;
    private final LogBudget budget;

    Refusals(AccessListener listener) {
        this(listener, LogBudget.edgeDefault());
    }

    Refusals(AccessListener listener, LogBudget budget) {
        this.listener = listener;
        this.budget = budget;
    }

    /**
     * Tells of one refusal.
     *
     * @param line the log line, with SLF4J's {@code {}} for each of {@code arguments}
     */
    void refused(InetSocketAddress peer, Refusal refusal, String line, Object... arguments) {
        listener.refused(peer, refusal);
        long heldBack = budget.take();
        if (heldBack == LogBudget.DENIED) {
            return;
        }
        LOG.warn(heldBack == 0 ? line
                : line + " (" + heldBack + " more refusals since the last line were not logged)", arguments);
    }
}
