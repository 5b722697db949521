package dev.jetemu.app.http;

import dev.jetemu.app.live.EventFeed;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server of the control API and the live page, on Netty's own HTTP codec: one event
 * loop thread for requests, and worker threads for the requests that change the device.
 */
public final class ControlServer implements AutoCloseable {

    /** The largest request body: a scenario file with a big device section fits. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** An event stream reader this far behind is cut off. */
    private static final WriteBufferWaterMark STREAM_MARKS = new WriteBufferWaterMark(1024 * 1024, 4 * 1024 * 1024);

    private final EventLoopGroup group;
    private final ExecutorService workers;
    private final Channel server;

    private ControlServer(EventLoopGroup group, ExecutorService workers, Channel server) {
        this.group = group;
        this.workers = workers;
        this.server = server;
    }

    /**
     * Listens on {@code bindAddress} and {@code port} (0 for a free one).
     *
     * @throws IOException when the port cannot be bound
     */
    public static ControlServer start(String bindAddress, int port, ControlApi api, EventFeed feed) throws IOException {
        EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("jetemu-http", true));
        ExecutorService workers = Executors.newCachedThreadPool(new DefaultThreadFactory("jetemu-http-worker", true));
        LivePage page = LivePage.load();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, STREAM_MARKS)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(MAX_BODY_BYTES))
                                .addLast(new ControlHandler(api, feed, page, workers));
                    }
                });
        try {
            Channel server = bootstrap.bind(new InetSocketAddress(bindAddress, port)).sync().channel();
            return new ControlServer(group, workers, server);
        } catch (Exception e) {
            workers.shutdownNow();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            // Some bind failures carry no message (UnsupportedAddressTypeException): name the exception then.
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IOException("the control API cannot listen on port " + port + ": " + why, e);
        }
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        workers.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
