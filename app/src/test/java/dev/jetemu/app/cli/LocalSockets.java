package dev.jetemu.app.cli;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * A socket factory for Paho that opens every socket from one local address, as a JET client
 * with {@code bind_address} does, and hands each socket it makes to a listener (a test that
 * drops the connection under the client keeps the last one).
 */
public final class LocalSockets extends SocketFactory {

    private final InetAddress local;
    private final Consumer<Socket> created;

    public LocalSockets(InetAddress local, Consumer<Socket> created) {
        this.local = local;
        this.created = created;
    }

    /** Sockets from {@code address}, a literal address such as {@code 127.0.0.2}. */
    public static LocalSockets from(String address) {
        try {
            return new LocalSockets(InetAddress.getByName(address), socket -> { });
        } catch (IOException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(local, 0));
        created.accept(socket);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress remote) throws IOException {
        Socket socket = createSocket();
        socket.connect(remote);
        return socket;
    }
}
