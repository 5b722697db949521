package dev.jetemu.broker.edge;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Looks at an admitted client's bytes before the MQTT decoder does (see {@link PacketScanner}) and
 * closes the connection, as a protocol violation, at the first thing wrong; the bytes of that read
 * go no further. Passes the bytes on as they came, without copying them.
 */
final class PacketScreen extends ChannelInboundHandlerAdapter {

    private final PacketScanner scanner;
    private final ProtocolViolations violations;
    private boolean closing;

    PacketScreen(int maxPacketBytes, ProtocolViolations violations) {
        this.scanner = new PacketScanner(maxPacketBytes);
        this.violations = violations;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof ByteBuf bytes) {
            PacketScanner.Finding finding = scanner.scan(bytes);
            if (finding != null) {
                closing = true;
                bytes.release();
                violations.close(ctx, finding.violation(), finding.what());
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
