package dev.jetemu.broker.edge;

import dev.jetemu.broker.access.Credentials;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Lets an admitted client's CONNECT through to the engine when its credentials are good, then
 * steps out of the pipeline. A first packet that is not a CONNECT closes the connection, as
 * MQTT 3.1.1 requires.
 */
final class ConnectGate extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger("dev.jetemu.broker.access");

    private final List<Credentials> users;
    private final AccessListener listener;

    ConnectGate(List<Credentials> users, AccessListener listener) {
        this.users = users;
        this.listener = listener;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof MqttConnectMessage connect)
                || ((MqttMessage) msg).fixedHeader().messageType() != MqttMessageType.CONNECT) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        String clientId = connect.payload().clientIdentifier();
        ClientAttributes.clientId(ctx.channel(), clientId);
        Optional<Refusal> refusal = checkCredentials(connect);
        if (refusal.isPresent()) {
            InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
            LOG.warn("Refused client {} from {}: {} (user '{}'); CONNACK {}", clientId, EdgeLog.address(peer),
                    refusal.get() == Refusal.NO_CREDENTIALS ? "no user name given" : "bad user name or password",
                    connect.payload().userName(), refusal.get().returnCode().byteValue());
            listener.refused(peer, refusal.get());
            ReferenceCountUtil.release(msg);
            ConnAcks.refuseAndClose(ctx, refusal.get().returnCode());
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(msg);
    }

    private Optional<Refusal> checkCredentials(MqttConnectMessage connect) {
        if (users.isEmpty()) {
            return Optional.empty();
        }
        String username = connect.variableHeader().hasUserName() ? connect.payload().userName() : null;
        if (username == null) {
            return Optional.of(Refusal.NO_CREDENTIALS);
        }
        byte[] password = connect.variableHeader().hasPassword() ? connect.payload().passwordInBytes() : new byte[0];
        for (Credentials user : users) {
            if (user.username().equals(username)
                    && MessageDigest.isEqual(user.password().getBytes(StandardCharsets.UTF_8), password)) {
                return Optional.empty();
            }
        }
        return Optional.of(Refusal.BAD_CREDENTIALS);
    }
}
