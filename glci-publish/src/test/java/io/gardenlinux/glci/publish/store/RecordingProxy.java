package io.gardenlinux.glci.publish.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 proxy between the S3 client and the server that records what the server receives: every request's
 * method, target, headers and body size, and how many requests were open at once (from the arrival of a request's
 * head until its response was read from the server, before it is passed on: a window within the client's, so that
 * the count is never more than the client had in flight). It can hold requests before passing them on, until more than a limit are
 * open, or a limit were open for a while, or a timeout passed: so that requests that could overlap do overlap
 * however slow the machine is.
 */
final class RecordingProxy implements AutoCloseable {

    /**
     * A request as the server received it.
     *
     * @param method the HTTP method
     * @param target the request target, path and query
     * @param headers the headers, names in lower case
     * @param bodyBytes the bytes of the body on the wire (with an aws-chunked encoding, more than the payload)
     * @param status the response's status code, 0 when there was no complete response
     */
    record Request(String method, String target, Map<String, String> headers, long bodyBytes, int status) {

        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        /** A query parameter's value ("" for one without a value), empty when the query has no such parameter. */
        Optional<String> query(String name) {
            int q = target.indexOf('?');
            if (q < 0) {
                return Optional.empty();
            }
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if ((eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                    return Optional.of(eq < 0 ? "" : pair.substring(eq + 1));
                }
            }
            return Optional.empty();
        }

        /** The size of the payload: the decoded length of an aws-chunked body, else the body's size. */
        long payloadSize() {
            String decoded = headers.get("x-amz-decoded-content-length");
            return decoded != null ? Long.parseLong(decoded) : bodyBytes;
        }

        boolean isUploadPart() {
            return method.equals("PUT") && query("partNumber").isPresent();
        }

        boolean isCreateMultipartUpload() {
            return method.equals("POST") && query("uploads").isPresent();
        }

        boolean isCompleteMultipartUpload() {
            return method.equals("POST") && query("uploadId").isPresent();
        }

        @Override
        public String toString() {
            return method + " " + target + " (" + payloadSize() + " bytes) -> " + status;
        }

        /** A PUT of a whole object (not a part). */
        boolean isPutObject() {
            return method.equals("PUT") && query("partNumber").isEmpty() && path().chars().filter(c -> c == '/')
                    .count() >= 2;
        }
    }

    private static final Predicate<Request> NONE = r -> false;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "recording-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private int open;
    private int maxOpen;
    private final java.util.Set<Exchange> openNow = new java.util.LinkedHashSet<>();
    private List<String> openAtMax = List.of();
    private long fullSince;
    private volatile Predicate<Request> held = NONE;
    private volatile int limit = Integer.MAX_VALUE;
    private volatile long graceNanos;
    private volatile long timeoutNanos;

    RecordingProxy(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /**
     * Holds each request that {@code which} selects (judged on its head) until more than {@code limit} requests are
     * open, or {@code limit} have been open for {@code grace}, or {@code timeout} passed since it arrived.
     */
    RecordingProxy holding(Predicate<Request> which, int limit, Duration grace, Duration timeout) {
        this.limit = limit;
        this.graceNanos = grace.toNanos();
        this.timeoutNanos = timeout.toNanos();
        this.held = which;
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The requests whose response has ended, in that order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests (method and target) that were open when the most were. */
    List<String> openAtMax() {
        synchronized (lock) {
            return openAtMax;
        }
    }

    /** The most requests that were open at once. */
    int maxOpen() {
        synchronized (lock) {
            return maxOpen;
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One request on its way: its head, its body's size once sent, and whether it has been counted closed. */
    private final class Exchange {
        final String method;
        final String target;
        final Map<String, String> headers;
        volatile long bodyBytes;
        final AtomicBoolean ended = new AtomicBoolean();

        Exchange(Head head) {
            String[] parts = head.start().split(" ", 3);
            this.method = parts[0];
            this.target = parts.length > 1 ? parts[1] : "";
            this.headers = head.headers();
        }

        Request request(int status) {
            return new Request(method, target, headers, bodyBytes, status);
        }

        void end(int status) {
            if (ended.compareAndSet(false, true)) {
                if (status > 0) {
                    requests.add(request(status));
                }
                synchronized (lock) {
                    openNow.remove(this);
                    open--;
                    if (open < limit) {
                        fullSince = 0;
                    }
                    lock.notifyAll();
                }
            }
        }
    }

    private void handle(Socket client) {
        BlockingQueue<Exchange> awaiting = new LinkedBlockingQueue<>();
        List<Exchange> all = new ArrayList<>();
        try (client; Socket upstream = new Socket()) {
            upstream.connect(target, 5000);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toServer = new BufferedOutputStream(upstream.getOutputStream());
            threads.execute(() -> respond(upstream, client, awaiting));
            Head head;
            while ((head = Head.read(fromClient)) != null) {
                Exchange exchange = new Exchange(head);
                synchronized (all) {
                    all.add(exchange);
                }
                arrive(exchange);
                awaiting.add(exchange);
                toServer.write(head.bytes());
                toServer.flush();
                exchange.bodyBytes = copyBody(head.headers(), exchange.method.equals("HEAD") ? 0 : -1, fromClient,
                        toServer);
            }
        } catch (IOException e) {
            // one side closed the connection
        } finally {
            synchronized (all) {
                all.forEach(x -> x.end(0));
            }
        }
    }

    /** Passes the server's responses back, each ending the oldest open request of the connection. */
    private void respond(Socket upstream, Socket client, BlockingQueue<Exchange> awaiting) {
        try {
            InputStream fromServer = new BufferedInputStream(upstream.getInputStream());
            OutputStream toClient = new BufferedOutputStream(client.getOutputStream());
            Head head;
            while ((head = Head.read(fromServer)) != null) {
                int status = Integer.parseInt(head.start().split(" ", 3)[1]);
                if (status >= 100 && status < 200) {
                    toClient.write(head.bytes());
                    toClient.flush();
                    continue;
                }
                Exchange exchange = awaiting.poll(30, TimeUnit.SECONDS);
                boolean noBody = exchange == null || exchange.method.equals("HEAD") || status == 204 || status == 304;
                // the whole response is read before the request counts as ended, and passed on after that: the
                // client cannot start another request in between (the answers of S3 to uploads are small)
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                copyBody(head.headers(), noBody ? 0 : -1, fromServer, body);
                if (exchange != null) {
                    exchange.end(status);
                }
                toClient.write(head.bytes());
                body.writeTo(toClient);
                toClient.flush();
            }
        } catch (IOException | RuntimeException e) {
            // one side closed the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private void arrive(Exchange exchange) {
        boolean hold = held.test(exchange.request(0));
        synchronized (lock) {
            open++;
            openNow.add(exchange);
            if (open > maxOpen) {
                maxOpen = open;
                openAtMax = openNow.stream().map(x -> x.method + " " + x.target).toList();
            }
            long now = System.nanoTime();
            if (open >= limit && fullSince == 0) {
                fullSince = now;
            }
            lock.notifyAll();
            if (!hold) {
                return;
            }
            long deadline = now + timeoutNanos;
            while (open <= limit) {
                now = System.nanoTime();
                long until = fullSince != 0 ? Math.min(deadline, fullSince + graceNanos) : deadline;
                if (now - until >= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, until - now);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Copies one message body: {@code length} bytes when it is 0 or more, else as the headers say (Content-Length,
     * chunked, or until the connection ends). Returns the bytes copied.
     */
    private static long copyBody(Map<String, String> headers, long length, InputStream in, OutputStream out)
            throws IOException {
        long n = length;
        if (n < 0 && "chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", "").trim())) {
            return copyChunked(in, out);
        }
        if (n < 0 && headers.containsKey("content-length")) {
            n = Long.parseLong(headers.get("content-length").trim());
        }
        long copied = 0;
        byte[] buffer = new byte[65536];
        while (n < 0 || copied < n) {
            int r = in.read(buffer, 0, (int) (n < 0 ? buffer.length : Math.min(buffer.length, n - copied)));
            if (r < 0) {
                if (n < 0) {
                    break;
                }
                throw new EOFException("the body ended after " + copied + " of " + n + " bytes");
            }
            out.write(buffer, 0, r);
            copied += r;
        }
        out.flush();
        return copied;
    }

    private static long copyChunked(InputStream in, OutputStream out) throws IOException {
        long total = 0;
        while (true) {
            String line = readLine(in);
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            int semicolon = line.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                } while (!trailer.isEmpty());
                out.flush();
                return total;
            }
            copyBody(Map.of(), size, in, out);
            total += size;
            String end = readLine(in);
            out.write((end + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("the connection ended within a line");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.US_ASCII);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** A request or response head as received: its bytes, its first line and its headers. */
    private record Head(byte[] bytes, String start, Map<String, String> headers) {

        /** The next head, or null when the connection ends before one starts. */
        static Head read(InputStream in) throws IOException {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            int state = 0;
            int b;
            while (state < 4 && (b = in.read()) >= 0) {
                raw.write(b);
                state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                        ? state + 1 : 0;
            }
            if (state < 4) {
                if (raw.size() == 0) {
                    return null;
                }
                throw new EOFException("the connection ended within a message head");
            }
            byte[] bytes = raw.toByteArray();
            String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            return new Head(bytes, lines[0], headers);
        }
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
