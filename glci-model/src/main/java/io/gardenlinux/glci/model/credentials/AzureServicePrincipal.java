package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.yaml.YamlNode;
import java.util.Optional;

/** An {@code azure_service_principal} credential. */
public record AzureServicePrincipal(String name, String tenantId, String clientId, Secret clientSecret,
        Optional<String> subscriptionId) {

    public static final String TYPE = "azure_service_principal";

    static AzureServicePrincipal read(String name, YamlNode a) {
        String tenant = a.string("tenant_id");
        String client = a.string("client_id");
        String secret = a.string("client_secret");
        return YamlNode.allPresent(tenant, client, secret)
                ? new AzureServicePrincipal(name, tenant, client, Secret.of(secret), a.optionalString("subscription_id"))
                : null;
    }
}
