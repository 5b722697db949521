package dev.jetemu.broker;

import dev.jetemu.broker.MqttFuzzCases.FuzzCase;
import dev.jetemu.broker.MqttFuzzCases.Outcome;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Plays one fuzz case on a connection of its own: connects, sends the case's bytes at once, then
 * waits for the broker to close the connection (a case it must close), or a short while, after
 * which it closes the connection itself. Then it waits for the broker to report the connection
 * closed.
 */
final class FuzzConnection {

    /** What became of one case. */
    record Result(FuzzCase fuzzCase, boolean closedByBroker, long elapsedNanos, ConnectionLedger.Entry entry) {
    }

    private final InetSocketAddress broker;
    private final ConnectionLedger ledger;
    /** How long a case the broker may keep open is watched before the client closes it. */
    private final Duration watch;
    /** How long a case the broker must close may take; far beyond the time it takes, never reached when all is well. */
    private final Duration mustCloseWithin;

    FuzzConnection(InetSocketAddress broker, ConnectionLedger ledger, Duration watch, Duration mustCloseWithin) {
        this.broker = broker;
        this.ledger = ledger;
        this.watch = watch;
        this.mustCloseWithin = mustCloseWithin;
    }

    /**
     * @param source the loopback address to connect from: each player has its own, so that no two
     *               connections open at once have the same address and port, however soon the system
     *               hands a port out again
     */
    Result play(FuzzCase fuzzCase, InetAddress source) throws IOException, InterruptedException {
        long start = System.nanoTime();
        InetSocketAddress peer;
        boolean closedByBroker;
        try (Socket socket = connect(source)) {
            peer = ConnectionLedger.key((InetSocketAddress) socket.getLocalSocketAddress());
            Duration wait = fuzzCase.outcome() == Outcome.CLOSES ? mustCloseWithin : watch;
            try {
                socket.getOutputStream().write(fuzzCase.bytes());
                closedByBroker = closedWithin(socket, wait);
            } catch (IOException reset) {
                // The broker closed the connection while the bytes were on their way.
                closedByBroker = true;
            }
        }
        ConnectionLedger.Entry entry = ledger.take(peer, mustCloseWithin);
        return new Result(fuzzCase, closedByBroker, System.nanoTime() - start, entry);
    }

    /** A new connection; retried for a while when the system is short of ports in TIME_WAIT. */
    private Socket connect(InetAddress source) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(source, 0));
                socket.connect(broker, 10_000);
                return socket;
            } catch (NoRouteToHostException | ConnectException e) {
                socket.close();
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(20);
            } catch (IOException e) {
                socket.close();
                if (attempt == 50 || !String.valueOf(e.getMessage()).contains("Cannot assign requested address")) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    /** Reads what the broker sends until it closes the connection (true) or {@code wait} passes (false). */
    private static boolean closedWithin(Socket socket, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[512];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                return false;
            }
        }
    }
}
