package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.yaml.YamlDocuments;
import io.gardenlinux.glci.model.yaml.YamlNode;

/**
 * A {@code gcp} credential: a service account and its project.
 *
 * @param name the entry's name
 * @param project the GCP project
 * @param serviceAccountKey the service account's JSON key (given as a mapping or as JSON text)
 */
public record GcpCredentials(String name, String project, Secret serviceAccountKey) {

    public static final String TYPE = "gcp";

    static GcpCredentials read(String name, YamlNode a) {
        String project = a.string("project");
        YamlNode key = a.get("service_account_key");
        String json = null;
        if (key.isMissing()) {
            a.problem("missing key 'service_account_key'");
        } else if (key.isObject()) {
            json = YamlDocuments.json().writeValueAsString(key.json());
        } else {
            json = key.asString();
        }
        return YamlNode.allPresent(project, json) ? new GcpCredentials(name, project, Secret.of(json)) : null;
    }
}
