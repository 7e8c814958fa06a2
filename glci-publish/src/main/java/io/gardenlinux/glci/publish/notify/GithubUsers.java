package io.gardenlinux.glci.publish.notify;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.credentials.GithubCredentials;
import io.gardenlinux.glci.model.credentials.Secret;
import io.gardenlinux.glci.model.yaml.YamlDocuments;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The people behind GitHub handles, read through the GitHub REST API (github.com or GitHub Enterprise): a user's
 * public email address, a team's members. A handle that cannot be resolved (no such user or team, no public email, an
 * API error) is reported as a warning and yields nothing, so that a mail still reaches everyone else.
 */
public final class GithubUsers {

    /** The API of github.com, used when no {@code github} credential names the host. */
    public static final String GITHUB_COM_API = "https://api.github.com";

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final int MAX_PAGES = 50;

    private final URI api;
    private final Optional<Secret> token;
    private final Duration timeout;
    private final HttpClient http;
    private final Reporter reporter;

    /**
     * @param apiUrl e.g. {@code https://api.github.com} or {@code https://github.example/api/v3}
     * @param token the token sent as {@code Authorization: Bearer}, if any (anonymous requests are rate-limited)
     * @param timeout how long connecting and each request may take
     */
    public GithubUsers(String apiUrl, Optional<Secret> token, Duration timeout, Reporter reporter) {
        this.api = URI.create(apiUrl.replaceAll("/+$", "") + "/");
        this.token = Objects.requireNonNull(token, "token");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The API of a {@code github} credential, as its first technical user (with its auth token). */
    public static GithubUsers of(GithubCredentials github, Duration timeout, Reporter reporter) {
        Optional<Secret> token = github.technicalUsers().stream().findFirst()
                .flatMap(GithubCredentials.TechnicalUser::authToken);
        return new GithubUsers(github.apiUrl(), token, timeout, reporter);
    }

    /** The user's public email address; empty (with a warning) when there is none. */
    public Optional<String> publicEmail(String user) {
        Optional<JsonNode> found = get("users/" + encode(user), "user @" + user);
        Optional<String> email = found.map(u -> u.get("email")).filter(e -> e != null && e.isString())
                .map(JsonNode::asString).filter(e -> !e.isBlank());
        if (found.isPresent() && email.isEmpty()) {
            reporter.warn("GitHub user @" + user + " has no public email address - not notified");
        }
        return email;
    }

    /** The logins of a team's members ({@code org/team}); empty (with a warning) when the team cannot be read. */
    public List<String> teamMembers(String orgAndTeam) {
        int slash = orgAndTeam.indexOf('/');
        String org = orgAndTeam.substring(0, slash);
        String team = orgAndTeam.substring(slash + 1);
        List<String> logins = new ArrayList<>();
        URI next = api.resolve("orgs/" + encode(org) + "/teams/" + encode(team) + "/members?per_page=100");
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            Optional<HttpResponse<byte[]>> response = send(next, "team @" + orgAndTeam);
            if (response.isEmpty()) {
                return logins;
            }
            JsonNode members = YamlDocuments.readJson(response.get().body(), next.toString());
            for (JsonNode member : members) {
                JsonNode login = member.get("login");
                if (login != null && login.isString()) {
                    logins.add(login.asString());
                }
            }
            next = response.get().headers().firstValue("Link").map(GithubUsers::nextLink).orElse(null);
        }
        return logins;
    }

    private static URI nextLink(String link) {
        Matcher m = NEXT_LINK.matcher(link);
        return m.find() ? URI.create(m.group(1)) : null;
    }

    private Optional<JsonNode> get(String path, String what) {
        URI uri = api.resolve(path);
        return send(uri, what).map(r -> YamlDocuments.readJson(r.body(), uri.toString()));
    }

    private Optional<HttpResponse<byte[]>> send(URI uri, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/vnd.github+json")
                .header("User-Agent", "glci");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t.reveal()));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            reporter.warn("cannot read " + what + " from " + uri + ": " + e + " - not notified");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GlciException("interrupted while reading " + what + " from " + uri, e);
        }
        if (response.statusCode() == 404) {
            reporter.warn("GitHub has no " + what + " (" + uri + " answered 404) - not notified");
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            reporter.warn("cannot read " + what + ": " + uri + " answered " + response.statusCode()
                    + (response.statusCode() == 401 || response.statusCode() == 403
                            ? " (check the technical user's authToken of the github credential)" : "")
                    + " - not notified");
            return Optional.empty();
        }
        return Optional.of(response);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
