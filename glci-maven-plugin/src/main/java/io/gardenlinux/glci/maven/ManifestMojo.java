package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.manifests.ManifestKeys;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.publish.store.AtomicFiles;
import io.gardenlinux.glci.publish.store.ManifestListing;
import io.gardenlinux.glci.publish.store.StoreAccess;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows one single manifest or manifest set as YAML, or lists the stored manifests. Chooses by what is given:
 * {@code glci.manifestKey}; else {@code glci.list}; else {@code glci.platform} (the single manifest of that flavour,
 * commit and version); else the newest set of {@code glci.flavourSet} and {@code glci.buildType}.
 */
@Mojo(name = "manifest", requiresProject = false, threadSafe = true)
public class ManifestMojo extends AbstractFlavourBuildMojo {

    /** The key of a manifest ({@code meta/singles/...}) or set ({@code meta/sets/...}) to show. */
    @Parameter(property = "glci.manifestKey")
    protected String manifestKey;

    /** Lists the keys under {@code glci.listPrefix} instead of showing one. */
    @Parameter(property = "glci.list", defaultValue = "false")
    protected boolean list;

    /** What to list, e.g. {@code meta/singles} or {@code meta/sets/snapshot}. */
    @Parameter(property = "glci.listPrefix", defaultValue = ManifestKeys.SINGLES_PREFIX)
    protected String listPrefix;

    /** Keys per list request (1 to 1000, default 1000). */
    @Parameter(property = "glci.pageSize")
    protected String pageSize;

    /** The flavour set whose manifest set to show; falls back to {@code FLAVOUR_SET}, default {@code all}. */
    @Parameter(property = "glci.flavourSet")
    protected String flavourSet;

    /** The build type of the set to show; falls back to {@code PROMOTE_TARGET}, default snapshot. */
    @Parameter(property = "glci.buildType")
    protected String buildType;

    /** Writes the YAML or the list here instead of to the log. */
    @Parameter(property = "glci.outputFile")
    protected File outputFile;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.PAGE_SIZE, pageSize)
                .put(GlciSettings.FLAVOUR_SET, flavourSet)
                .put(GlciSettings.BUILD_TYPE, buildType);
    }

    @Override
    protected void run() {
        try (StoreAccess stores = stores()) {
            ManifestListing listing = new ManifestListing(stores.buildResults());
            String output;
            if (manifestKey != null && !manifestKey.isBlank()) {
                output = listing.show(manifestKey);
            } else if (list) {
                output = String.join("\n", listing.list(listPrefix, setting(GlciSettings.PAGE_SIZE))) + "\n";
            } else if (platform != null && !platform.isBlank()) {
                output = listing.show(identifier().manifestKey(features()));
            } else {
                BuildType type = setting(GlciSettings.BUILD_TYPE);
                String name = ManifestKeys.setName(type, setting(GlciSettings.EPOCH), setting(GlciSettings.COMMITTISH),
                        releaseVersion(), setting(GlciSettings.FLAVOUR_SET));
                output = listing.show(listing.latestSetKey(type, name));
            }
            if (outputFile != null) {
                AtomicFiles.write(outputFile.toPath(), output);
                reporter().info("wrote " + outputFile);
            } else {
                output.lines().forEach(reporter()::info);
            }
        }
    }
}
