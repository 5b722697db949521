package dev.jetemu.broker.edge;

import dev.jetemu.broker.BrokerSettings;
import dev.jetemu.broker.moquette.MoquetteEngine;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The MQTT listening socket and its client connections: Netty, with epoll where the platform
 * has it. Every client pipeline is assembled by {@link EdgeChannelInitializer}.
 */
public final class EdgeServer implements AutoCloseable {

    /**
     * Moquette drops a QoS 0 message, without a word, for a channel that is not writable. The
     * channel's own marks are therefore set far above the flow control's (see FlowSettings), which
     * holds publishers back long before a channel could become unwritable.
     */
    private static final WriteBufferWaterMark ENGINE_WATER_MARK =
            new WriteBufferWaterMark(32 * 1024 * 1024, 64 * 1024 * 1024);

    private static final String IPV4_WILDCARD = "0.0.0.0";

    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final EdgeChannelInitializer initializer;

    private EdgeServer(EventLoopGroup acceptors, EventLoopGroup workers, Channel serverChannel,
                       EdgeChannelInitializer initializer) {
        this.acceptors = acceptors;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.initializer = initializer;
    }

    /**
     * Binds the port and starts accepting clients.
     *
     * @throws java.net.BindException (sneakily, as Netty does) when the port cannot be bound
     */
    public static EdgeServer bind(BrokerSettings settings, MoquetteEngine engine, Observers observers)
            throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup acceptors = group(epoll, 1, "mqtt-accept");
        EventLoopGroup workers = group(epoll, 0, "mqtt-io");
        Class<? extends ServerSocketChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EdgeChannelInitializer initializer = new EdgeChannelInitializer(settings, engine, observers);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                // A restarted broker binds again at once, while the connections it closed wait in
                // TIME_WAIT on the port. Already the default of both transports on Linux.
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, ENGINE_WATER_MARK)
                .childHandler(initializer);
        settings.socketSendBufferSize().ifPresent(size -> bootstrap.childOption(ChannelOption.SO_SNDBUF, size));
        try {
            Channel channel = bind(bootstrap, new InetSocketAddress(settings.bindAddress(), settings.port()));
            return new EdgeServer(acceptors, workers, channel, initializer);
        } catch (RuntimeException | InterruptedException e) {
            shutdown(acceptors, workers);
            throw e;
        }
    }

    /**
     * Binds {@code address}; the IPv6 wildcard falls back to the IPv4 one where IPv6 is off, as in
     * a Docker container's network namespace (Docker disables IPv6 there unless the network has
     * it), where binding {@code ::} fails with "Address family not supported by protocol".
     */
    private static Channel bind(ServerBootstrap bootstrap, InetSocketAddress address) throws InterruptedException {
        try {
            return bootstrap.bind(address).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            throw e;
        } catch (Exception e) { // Netty rethrows the bind's IOException as it is, undeclared
            if (!(address.getAddress() instanceof Inet6Address) || !address.getAddress().isAnyLocalAddress()
                    || e instanceof BindException) {
                throw e;
            }
            try {
                return bootstrap.bind(new InetSocketAddress(IPV4_WILDCARD, address.getPort())).sync().channel();
            } catch (Exception ignored) {
                throw e; // the first failure says more
            }
        }
    }

    private static EventLoopGroup group(boolean epoll, int threads, String name) {
        DefaultThreadFactory threadFactory = new DefaultThreadFactory(name, true);
        return epoll ? new EpollEventLoopGroup(threads, threadFactory) : new NioEventLoopGroup(threads, threadFactory);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Client connections admitted and still open. */
    public int openConnections() {
        return initializer.openConnections();
    }

    /** Stops accepting and closes every client connection; the event loops keep running for the engine's last writes. */
    public void closeConnections() {
        serverChannel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        initializer.clients().close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        closeConnections();
        shutdown(acceptors, workers);
    }

    private static void shutdown(EventLoopGroup acceptors, EventLoopGroup workers) {
        // No quiet period: an emulator is stopped by a person or a test waiting for it.
        acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(1500, TimeUnit.MILLISECONDS);
    }
}
