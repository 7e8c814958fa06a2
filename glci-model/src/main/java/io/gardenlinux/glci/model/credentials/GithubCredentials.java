package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.yaml.YamlNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code github} credential: a GitHub (or GitHub Enterprise) instance and its technical users.
 *
 * @param name the entry's name
 * @param httpUrl e.g. {@code https://github.com}
 * @param sshUrl e.g. {@code ssh://git@github.com}, if given
 * @param apiUrl e.g. {@code https://api.github.com}
 * @param disableTlsValidation whether TLS certificates are not checked
 * @param purposeLabels labels saying what the entry is for
 * @param availableProtocols {@code ssh} and/or {@code https}
 * @param technicalUsers the users glci may act as
 * @param webhookToken the webhook token, if given
 */
public record GithubCredentials(String name, String httpUrl, Optional<String> sshUrl, String apiUrl,
        boolean disableTlsValidation, List<String> purposeLabels, List<String> availableProtocols,
        List<TechnicalUser> technicalUsers, Optional<Secret> webhookToken) {

    public static final String TYPE = "github";

    public GithubCredentials {
        purposeLabels = List.copyOf(purposeLabels);
        availableProtocols = List.copyOf(availableProtocols);
        technicalUsers = List.copyOf(technicalUsers);
    }

    /** A user of the instance. */
    public record TechnicalUser(String username, Optional<Secret> password, Optional<String> emailAddress,
            Optional<Secret> authToken, Optional<Secret> privateKey) {
    }

    /** The host of {@link #httpUrl()}, e.g. {@code github.com}, which git URLs are matched against. */
    public String host() {
        return URI.create(httpUrl).getHost();
    }

    /** The first technical user; an {@link IllegalStateException} naming the entry when there is none. */
    public TechnicalUser technicalUser() {
        return technicalUsers.stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "github credential '" + name + "' has no technical_users"));
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static GithubCredentials read(String name, YamlNode a) {
        String httpUrl = a.string("httpUrl");
        if (httpUrl != null && hostOf(httpUrl) == null) {
            a.problem("httpUrl", "'" + httpUrl + "' is not a URL with a host; expected e.g. https://github.com");
            httpUrl = null;
        }
        String apiUrl = a.string("apiUrl");
        List<TechnicalUser> users = new ArrayList<>();
        for (YamlNode u : a.list("technical_users", false)) {
            String username = u.string("username");
            if (username != null) {
                users.add(new TechnicalUser(username, u.optionalString("password").map(Secret::of),
                        u.optionalString("emailAddress"), u.optionalString("authToken").map(Secret::of),
                        u.optionalString("privateKey").map(Secret::of)));
            }
        }
        return YamlNode.allPresent(httpUrl, apiUrl)
                ? new GithubCredentials(name, httpUrl, a.optionalString("sshUrl"), apiUrl,
                        a.optionalBoolean("disable_tls_validation").orElse(false), a.stringList("purpose_labels", false),
                        a.stringList("available_protocols", false), users,
                        a.optionalString("webhook_token").map(Secret::of))
                : null;
    }
}
