package dev.jetemu.app.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An application that connects, subscribes at QoS 0, and then never reads a byte: the packets are
 * written by hand on a plain socket with a small receive buffer, so that almost nothing of what the
 * broker sends it fits on its side of the connection.
 */
final class StalledClient implements AutoCloseable {

    private static final int RECEIVE_BUFFER = 4096;

    private final Socket socket;

    private StalledClient(Socket socket) {
        this.socket = socket;
    }

    static StalledClient subscribe(int port, String clientId, String filter) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(RECEIVE_BUFFER);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        socket.getOutputStream().write(connect(clientId));
        socket.getOutputStream().write(subscribe(filter));
        socket.getOutputStream().flush();
        return new StalledClient(socket);
    }

    /** The local port: the one the broker's log line names. */
    int localPort() {
        return socket.getLocalPort();
    }

    /** Starts reading at last, on a daemon thread, throwing away what it reads, until the connection ends. */
    void startReading() {
        Thread reader = new Thread(() -> {
            try {
                socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException closed) {
                // the test closed it
            }
        }, "stalled-client-reads");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static byte[] connect(String clientId) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(4);      // MQTT 3.1.1
        body.write(0x02);   // clean session
        body.write(0);
        body.write(60);     // keep-alive 60 s
        string(body, clientId);
        return packet(0x10, body.toByteArray());
    }

    private static byte[] subscribe(String filter) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        body.write(1);      // packet id 1
        string(body, filter);
        body.write(0);      // QoS 0
        return packet(0x82, body.toByteArray());
    }

    private static byte[] packet(int firstByte, byte[] body) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(firstByte);
        packet.write(body.length);  // every packet here is shorter than 128 bytes
        packet.writeBytes(body);
        return packet.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xff);
        out.writeBytes(bytes);
    }
}
