package io.gardenlinux.glci.model.manifests;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The manifests of every flavour of a flavour set, stored at {@code meta/sets/<build type>/<name>}.
 *
 * @param flavourSetName the flavour set
 * @param manifests the manifests, with their locations
 * @param otherKeys keys glci does not know, kept when the set is written again
 */
public record ReleaseManifestSet(String flavourSetName, List<OnlineReleaseManifest> manifests,
        Map<String, Object> otherKeys) {

    public ReleaseManifestSet {
        Objects.requireNonNull(flavourSetName, "flavourSetName");
        manifests = List.copyOf(manifests);
        otherKeys = OtherKeys.copyOf(otherKeys);
    }

    public ReleaseManifestSet(String flavourSetName, List<OnlineReleaseManifest> manifests) {
        this(flavourSetName, manifests, Map.of());
    }
}
