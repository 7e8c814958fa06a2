package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.yaml.YamlNode;
import java.util.List;
import java.util.Optional;

/**
 * An {@code email} credential: an SMTP server and the sender.
 *
 * @param name the entry's name
 * @param host the SMTP host
 * @param port the SMTP port (465 when not given, as the original always used)
 * @param useTls whether to use implicit TLS (SMTPS); otherwise STARTTLS is used when the server offers it
 * @param senderName the {@code From} address, e.g. {@code Tekton CI <ci@example.org>}
 * @param blacklist regular expressions of addresses that never receive mail
 * @param username the SMTP user, if the server needs one
 * @param password the SMTP password, if the server needs one
 */
public record EmailCredentials(String name, String host, int port, boolean useTls, String senderName,
        List<String> blacklist, Optional<String> username, Optional<Secret> password) {

    public static final String TYPE = "email";
    public static final int DEFAULT_PORT = 465;

    public EmailCredentials {
        blacklist = List.copyOf(blacklist);
    }

    static EmailCredentials read(String name, YamlNode a) {
        String host = a.string("host");
        String sender = a.string("sender_name");
        Integer port = a.has("port") ? a.integer("port") : Integer.valueOf(DEFAULT_PORT);
        YamlNode credentials = a.get("credentials");
        Optional<String> username = Optional.empty();
        Optional<Secret> password = Optional.empty();
        if (!credentials.isMissing() && credentials.expectObject("credentials")) {
            username = credentials.optionalString("username");
            password = credentials.optionalString("password").map(Secret::of);
        }
        return YamlNode.allPresent(host, sender, port)
                ? new EmailCredentials(name, host, port, a.optionalBoolean("use_tls").orElse(true), sender,
                        a.stringList("blacklist", false), username, password)
                : null;
    }
}
