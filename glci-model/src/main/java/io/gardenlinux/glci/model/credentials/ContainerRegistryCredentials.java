package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.yaml.YamlNode;
import java.util.List;

/**
 * A {@code container_registry} credential: a user for the registries whose image references start with one of
 * {@code imageReferencePrefixes}.
 */
public record ContainerRegistryCredentials(String name, String privileges, List<String> imageReferencePrefixes,
        String username, Secret password) {

    public static final String TYPE = "container_registry";

    public ContainerRegistryCredentials {
        imageReferencePrefixes = List.copyOf(imageReferencePrefixes);
    }

    /** The length of the longest prefix matching {@code imageReference}, or -1 when none does. */
    public int match(String imageReference) {
        return imageReferencePrefixes.stream().filter(imageReference::startsWith).mapToInt(String::length).max()
                .orElse(-1);
    }

    static ContainerRegistryCredentials read(String name, YamlNode a) {
        String privileges = a.optionalString("privileges").orElse("readonly");
        List<String> prefixes = a.stringList("image_reference_prefixes", true);
        String username = a.string("username");
        String password = a.string("password");
        return YamlNode.allPresent(username, password)
                ? new ContainerRegistryCredentials(name, privileges, prefixes, username, Secret.of(password))
                : null;
    }
}
