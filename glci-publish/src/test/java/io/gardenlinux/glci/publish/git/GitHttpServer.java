package io.gardenlinux.glci.publish.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A git server over smart HTTP on 127.0.0.1, like a GitHub instance's https endpoint: git's own
 * {@code git http-backend} (CGI) behind basic authentication of one user. It records which user each request came
 * as, so that tests see which credentials glci sent.
 */
final class GitHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final Path projectRoot;
    private final String user;
    private final String password;
    final List<String> requests = new CopyOnWriteArrayList<>();

    GitHttpServer(Path projectRoot, String user, String password) throws IOException {
        this.projectRoot = projectRoot;
        this.user = user;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** E.g. {@code http://127.0.0.1:41234}, the {@code httpUrl} of a github credential for this server. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            String given = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " as "
                    + (expected.equals(given) ? user : given == null ? "anonymous" : "wrong credentials"));
            if (!expected.equals(given)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            cgi(exchange);
        }
    }

    private void cgi(HttpExchange exchange) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = builder.environment();
        env.put("GIT_PROJECT_ROOT", projectRoot.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("REMOTE_USER", user);
        env.put("REMOTE_ADDR", "127.0.0.1");
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("PATH_INFO", exchange.getRequestURI().getPath());
        env.put("QUERY_STRING", exchange.getRequestURI().getRawQuery() == null ? ""
                : exchange.getRequestURI().getRawQuery());
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        env.put("CONTENT_TYPE", contentType == null ? "" : contentType);
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null) {
            env.put("HTTP_CONTENT_ENCODING", encoding);
        }
        String protocol = exchange.getRequestHeaders().getFirst("Git-Protocol");
        if (protocol != null) {
            env.put("GIT_PROTOCOL", protocol);
        }
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream(); InputStream body = exchange.getRequestBody()) {
            body.transferTo(stdin);
        }
        byte[] output = process.getInputStream().readAllBytes();
        process.getErrorStream().readAllBytes();
        int headerEnd = indexOf(output, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        int separator = 4;
        if (headerEnd < 0) {
            headerEnd = indexOf(output, "\n\n".getBytes(StandardCharsets.US_ASCII));
            separator = 2;
        }
        int status = 200;
        List<String[]> headers = new ArrayList<>();
        for (String line : new String(output, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.substring(0, 3));
            } else {
                headers.add(new String[] {name, value});
            }
        }
        headers.forEach(h -> exchange.getResponseHeaders().add(h[0], h[1]));
        int bodyLength = output.length - headerEnd - separator;
        exchange.sendResponseHeaders(status, bodyLength == 0 ? -1 : bodyLength);
        if (bodyLength > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(output, headerEnd + separator, bodyLength);
            }
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
