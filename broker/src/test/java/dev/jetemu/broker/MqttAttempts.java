package dev.jetemu.broker;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Many {@link MqttAttempt} connections to one broker over loopback, on two client threads.
 */
final class MqttAttempts implements AutoCloseable {

    private final EventLoopGroup group = new NioEventLoopGroup(2, new DefaultThreadFactory("load-client", true));
    private final InetSocketAddress broker;
    private final MqttAttempt.Places places;

    MqttAttempts(int port, MqttAttempt.Places places) {
        this.broker = new InetSocketAddress("127.0.0.1", port);
        this.places = places;
    }

    /** Connects and runs the plan; a connection that cannot be made completes with return code -1. */
    MqttAttempt start(MqttAttempt.Plan plan) {
        MqttAttempt attempt = new MqttAttempt(plan, places);
        ChannelFuture connecting = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new MqttDecoder(), MqttEncoder.INSTANCE, attempt);
                    }
                })
                .connect(broker);
        connecting.addListener(connected -> {
            if (!connected.isSuccess()) {
                attempt.done().complete(new MqttAttempt.Result(plan.clientId(), -1, 0,
                        "could not connect: " + connected.cause()));
            }
        });
        return attempt;
    }

    /** Runs {@code action} on a client thread after {@code delayMillis}. */
    void later(long delayMillis, Runnable action) {
        group.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
    }

    MqttAttempt.Places places() {
        return places;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
