package io.gardenlinux.glci.publish.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A TCP proxy between the S3 client and the server that misbehaves on purpose: per new connection it passes bytes
 * through, answers {@code 503 Slow Down}, resets the connection after some bytes, or stalls. It counts the bytes sent
 * from client to server, and can be told to reset everything once a byte budget is used up (a killed upload).
 */
final class FaultyProxy implements AutoCloseable {

    /** What happens on one connection. */
    sealed interface Fault {
    }

    /** Forward everything; with {@code resetAfter} &gt; 0, reset once that many client bytes went through. */
    record Pass(long resetAfter) implements Fault {
    }

    /** Forward everything, but flip the client's byte at offset {@code at} of the connection (a bit error). */
    record Corrupt(long at) implements Fault {
    }

    /** Read the request head and answer 503 SlowDown, then close. */
    record SlowDown() implements Fault {
    }

    /** Read the request head, then say nothing until the client gives up. */
    record Stall() implements Fault {
    }

    static final Fault PASS = new Pass(0);

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final IntFunction<Fault> schedule;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong upstreamBytes = new AtomicLong();
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
    private volatile long budget = Long.MAX_VALUE;

    /** A proxy to {@code target} whose n-th connection (from 0) gets {@code schedule.apply(n)}. */
    FaultyProxy(URI target, IntFunction<Fault> schedule) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.schedule = schedule;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Bytes the client sent towards the server (request heads and bodies). */
    long upstreamBytes() {
        return upstreamBytes.get();
    }

    /** How many faults of a kind ({@code 503}, {@code reset}, {@code stall}, {@code killed}) were injected. */
    int injected(String kind) {
        return injected.getOrDefault(kind, new AtomicInteger()).get();
    }

    /** From now on, once {@code bytes} more client bytes went through, every connection is reset. */
    void killAfter(long bytes) {
        budget = upstreamBytes.get() + bytes;
    }

    private void count(String kind) {
        injected.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Fault fault = schedule.apply(connections.getAndIncrement());
                threads.execute(() -> handle(client, fault));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client, Fault fault) {
        try {
            if (upstreamBytes.get() >= budget) {
                count("killed");
                reset(client);
                return;
            }
            if (fault instanceof Pass pass) {
                pass(client, pass.resetAfter(), -1);
            } else if (fault instanceof Corrupt corrupt) {
                pass(client, 0, corrupt.at());
            } else if (fault instanceof SlowDown) {
                readHead(client.getInputStream());
                count("503");
                String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
                        + "<Message>Please reduce your request rate.</Message></Error>";
                client.getOutputStream().write(("HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                        .getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                client.close();
            } else {
                readHead(client.getInputStream());
                count("stall");
                // hold the connection until the client times out and closes it
                while (client.getInputStream().read(new byte[8192]) >= 0) {
                    // discard
                }
                client.close();
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pass(Socket client, long resetAfter, long corruptAt) throws IOException {
        Socket upstream = new Socket();
        upstream.connect(target, 5000);
        AtomicLong sent = new AtomicLong();
        threads.execute(() -> {
            try {
                copy(upstream.getInputStream(), client.getOutputStream(), null, 0, -1, client, upstream);
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(client);
                closeQuietly(upstream);
            }
        });
        try {
            copy(client.getInputStream(), upstream.getOutputStream(), sent, resetAfter, corruptAt, client, upstream);
        } finally {
            closeQuietly(upstream);
        }
    }

    /**
     * Copies until EOF; counts client bytes, flips the byte at {@code corruptAt}, and resets both sockets at the
     * connection's or the global limit.
     */
    private void copy(InputStream in, OutputStream out, AtomicLong sent, long resetAfter, long corruptAt,
            Socket client, Socket upstream) throws IOException {
        byte[] buffer = new byte[16384];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (sent != null) {
                long total = upstreamBytes.addAndGet(n);
                long mine = sent.addAndGet(n);
                if (corruptAt >= mine - n && corruptAt < mine) {
                    buffer[(int) (corruptAt - (mine - n))] ^= 0x01;
                    count("corrupt");
                }
                boolean connectionLimit = resetAfter > 0 && mine > resetAfter;
                if (connectionLimit || total > budget) {
                    count(connectionLimit ? "reset" : "killed");
                    reset(client);
                    reset(upstream);
                    return;
                }
            }
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while (state < 4 && (b = in.read()) >= 0) {
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
        }
        return head.toByteArray();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
