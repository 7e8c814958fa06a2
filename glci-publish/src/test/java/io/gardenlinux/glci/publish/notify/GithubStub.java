package io.gardenlinux.glci.publish.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The part of the GitHub REST API glci reads, on 127.0.0.1 under {@code /api/v3} (as GitHub Enterprise serves it):
 * {@code GET /users/<login>} with the public {@code email} (null when the user hides it) and
 * {@code GET /orgs/<org>/teams/<team>/members}, paginated two members a page with a {@code Link} header like GitHub's.
 * Unknown users and teams answer 404. Every request and its {@code Authorization} header are recorded.
 */
final class GithubStub implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final Map<String, List<String>> teams = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    GithubStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v3/", this::handle);
        server.start();
    }

    /** The instance's web URL, e.g. the {@code httpUrl} of its github credential. */
    String httpUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String apiUrl() {
        return httpUrl() + "/api/v3";
    }

    /** A user; {@code email} null for one without a public address. */
    GithubStub user(String login, String email) {
        emails.put(login, email == null ? "" : email);
        return this;
    }

    GithubStub team(String orgAndTeam, String... members) {
        teams.put(orgAndTeam, List.of(members));
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/api/v3/".length());
            String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
            requests.add("GET /" + path + (query.isEmpty() ? "" : "?" + query));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String[] parts = path.split("/");
            if (parts.length == 2 && parts[0].equals("users") && emails.containsKey(parts[1])) {
                String email = emails.get(parts[1]);
                respond(exchange, 200, "{\"login\": \"" + parts[1] + "\", \"email\": "
                        + (email.isEmpty() ? "null" : "\"" + email + "\"") + "}");
            } else if (parts.length == 5 && parts[0].equals("orgs") && parts[2].equals("teams")
                    && parts[4].equals("members") && teams.containsKey(parts[1] + "/" + parts[3])) {
                List<String> members = teams.get(parts[1] + "/" + parts[3]);
                int page = query.contains("page=2") ? 2 : 1;
                List<String> slice = members.subList(Math.min(members.size(), (page - 1) * 2),
                        Math.min(members.size(), page * 2));
                if (page == 1 && members.size() > 2) {
                    exchange.getResponseHeaders().add("Link", "<" + httpUrl() + "/api/v3/" + path
                            + "?per_page=2&page=2>; rel=\"next\", <" + httpUrl() + "/api/v3/" + path
                            + "?per_page=2&page=2>; rel=\"last\"");
                }
                respond(exchange, 200, slice.stream().map(l -> "{\"login\": \"" + l + "\"}")
                        .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
            } else {
                respond(exchange, 404, "{\"message\": \"Not Found\"}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
