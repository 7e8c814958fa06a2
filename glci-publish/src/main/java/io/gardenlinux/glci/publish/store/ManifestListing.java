package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.manifests.ManifestKeys;
import io.gardenlinux.glci.model.manifests.ManifestYaml;
import io.gardenlinux.glci.model.build.BuildType;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Objects;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@code manifest}: shows one single manifest or manifest set, or lists the stored ones page by page. */
public final class ManifestListing {

    /** The {@code -YYYYmmdd-HHMMSS} suffix of snapshot and daily set names. */
    private static final Pattern TIMESTAMPED = Pattern.compile(".*-\\d{8}-\\d{6}");

    private final BuildResultStore store;

    public ManifestListing(BuildResultStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The manifest or set at {@code key} as YAML in the original's format; a set when the key is under
     * {@code meta/sets/}. A missing key is the original's {@code no such release found}.
     */
    public String show(String key) {
        if (key.startsWith(ManifestKeys.SETS_PREFIX + "/")) {
            return store.manifestSet(key).map(ManifestYaml::write)
                    .orElseThrow(() -> new GlciException("s3://" + store.bucket() + "/" + key
                            + ": Did not find specified release-set"));
        }
        return store.manifest(key).map(ManifestYaml::write)
                .orElseThrow(() -> new GlciException("s3://" + store.bucket() + "/" + key
                        + ": no such release found"));
    }

    /**
     * The key of the newest manifest set named {@code name} of {@code buildType}: {@code meta/sets/<type>/<name>} or,
     * for snapshot and daily sets, the one with the latest {@code -YYYYmmdd-HHMMSS} suffix.
     */
    public String latestSetKey(BuildType buildType, String name) {
        String exact = ManifestKeys.setKey(buildType, name);
        return list(ManifestKeys.SETS_PREFIX + "/" + buildType.wireValue(), 1000).stream()
                .filter(k -> k.equals(exact) || k.startsWith(exact + "-") && k.length() == exact.length() + 16
                        && TIMESTAMPED.matcher(k).matches())
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new GlciException("s3://" + store.bucket() + "/" + exact
                        + ": Did not find specified release-set"));
    }

    /**
     * The keys of the manifests (or sets) under {@code prefix}, e.g. {@code meta/singles} or
     * {@code meta/sets/snapshot}, reading {@code pageSize} keys a request and reporting each page.
     */
    public List<String> list(String prefix, int pageSize) {
        String folder = prefix.endsWith("/") ? prefix : prefix + "/";
        return store.list(folder, pageSize, page -> store.reporter().info("found " + page.size()
                + " release manifests")).stream()
                .map(S3Object::key).filter(k -> !k.endsWith("/")).toList();
    }
}
