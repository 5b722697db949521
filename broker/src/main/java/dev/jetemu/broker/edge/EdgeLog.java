package dev.jetemu.broker.edge;

import io.netty.util.NetUtil;

import java.net.InetSocketAddress;

/** How the edge writes a peer in its log lines: {@code 127.0.0.2:50312}, {@code [::1]:50312}. */
final class EdgeLog {

    private EdgeLog() {
    }

    static String address(InetSocketAddress peer) {
        if (peer == null) {
            return "unknown peer";
        }
        return NetUtil.toSocketAddressString(peer);
    }
}
