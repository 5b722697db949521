package dev.jetemu.broker.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.net.InetSocketAddress;

/**
 * Closes admitted clients' connections for protocol violations. Each one is told to the listener,
 * which counts them; the log has one line for each of the first few in every ten seconds, so that
 * a client sending garbage in a loop cannot flood it. A connection reports one violation at most.
 */
final class ProtocolViolations {

    private static final Logger LOG = LoggerFactory.getLogger("dev.jetemu.broker.protocol");
    private static final AttributeKey<ProtocolViolation> REPORTED = AttributeKey.valueOf("jetemu.protocolViolation");

    private final AccessListener listener;
    private final LogBudget budget = LogBudget.edgeDefault();

    ProtocolViolations(AccessListener listener) {
        this.listener = listener;
    }

    /** Reports the violation and closes the connection (once the engine has answered a CONNECT it is answering). */
    void close(ChannelHandlerContext ctx, ProtocolViolation violation, String what) {
        report(ctx.channel(), violation, what);
        ConnectGate.close(ctx, false);
    }

    /**
     * Reports the violation of a connection that is about to close (the caller closes it). Nothing
     * is reported for a connection already closed, or one that reported a violation before.
     *
     * @param what what the client did, for the log line
     */
    void report(Channel channel, ProtocolViolation violation, String what) {
        if (!channel.isActive() || !channel.attr(REPORTED).compareAndSet(null, violation)) {
            return;
        }
        InetSocketAddress peer = (InetSocketAddress) channel.remoteAddress();
        listener.protocolViolation(peer, violation);
        long heldBack = budget.take();
        if (heldBack == LogBudget.DENIED) {
            return;
        }
        Level level = violation == ProtocolViolation.PACKET_TOO_LARGE ? Level.WARN : Level.INFO;
        String line = "Closed the connection of client {} from {}: {}" + (heldBack == 0 ? ""
                : " (" + heldBack + " more protocol violations since the last line were not logged)");
        LOG.atLevel(level).log(line, ClientAttributes.clientId(channel), EdgeLog.address(peer), what);
    }
}
