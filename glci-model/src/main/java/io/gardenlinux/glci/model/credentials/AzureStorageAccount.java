package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.yaml.YamlNode;
import java.util.Optional;

/** An {@code azure_storage_account} credential: the account, its container for VHDs and its access key. */
public record AzureStorageAccount(String name, String storageAccountName, String containerName, Secret accessKey,
        Optional<String> containerNameSig) {

    public static final String TYPE = "azure_storage_account";

    static AzureStorageAccount read(String name, YamlNode a) {
        String account = a.string("storage_account_name");
        String container = a.string("container_name");
        String key = a.string("access_key");
        return YamlNode.allPresent(account, container, key)
                ? new AzureStorageAccount(name, account, container, Secret.of(key), a.optionalString("container_name_sig"))
                : null;
    }
}
