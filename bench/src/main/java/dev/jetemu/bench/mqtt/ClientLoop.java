package dev.jetemu.bench.mqtt;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.TimeUnit;

/**
 * The event loop every client of the harness runs on, whichever broker it talks to: one small
 * group of threads, so that the harness takes a bounded share of the machine and the same share
 * for every broker. Clients speak MQTT 3.1.1 through Netty's own codec.
 */
public final class ClientLoop implements AutoCloseable {

    /** Enough that a publisher keeps the socket busy; small enough that writability pushes back at once. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);
    private static final int MAX_MESSAGE_BYTES = 1 << 20;
    /** Clients ping when they have sent nothing for this long, well inside their keep-alive. */
    static final int KEEP_ALIVE_SECONDS = 60;
    private static final int PING_AFTER_SECONDS = 20;

    private final NioEventLoopGroup group;

    public ClientLoop(int threads) {
        this.group = new NioEventLoopGroup(threads, new DefaultThreadFactory("bench-client", true));
    }

    /** Opens a TCP connection to 127.0.0.1:{@code port} with the MQTT codec in front of {@code handler}. */
    ChannelFuture connect(int port, ChannelHandler handler) {
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                // Nagle off, as MQTT clients generally set it: a paced publish must leave at once.
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast("idle", new IdleStateHandler(0, PING_AFTER_SECONDS, 0,
                                TimeUnit.SECONDS));
                        channel.pipeline().addLast("decoder", new MqttDecoder(MAX_MESSAGE_BYTES));
                        channel.pipeline().addLast("encoder", MqttEncoder.INSTANCE);
                        channel.pipeline().addLast("client", handler);
                    }
                })
                .connect("127.0.0.1", port);
    }

    /** Closes every client's connection and stops the threads. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static void closeQuietly(Channel channel) {
        if (channel != null) {
            channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }
}
