package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.model.manifests.ManifestKeys;
import io.gardenlinux.glci.publish.store.AtomicFiles;
import io.gardenlinux.glci.publish.store.ManifestListing;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.s3.S3Client;

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

    /** Keys per list request. */
    @Parameter(property = "glci.pageSize", defaultValue = "1000")
    protected int pageSize;

    /** The flavour set whose manifest set to show; falls back to {@code FLAVOUR_SET}. */
    @Parameter(property = "glci.flavourSet")
    protected String flavourSet;

    /** The build type of the set to show; falls back to {@code PROMOTE_TARGET}. */
    @Parameter(property = "glci.buildType")
    protected String buildType;

    /** Writes the YAML or the list here instead of to the log. */
    @Parameter(property = "glci.outputFile")
    protected File outputFile;

    @Override
    protected void run() {
        CicdConfig config = cicdConfig();
        try (S3Client s3 = buildClient(config)) {
            ManifestListing listing = new ManifestListing(store(config, s3));
            String output;
            if (manifestKey != null && !manifestKey.isBlank()) {
                output = listing.show(manifestKey);
            } else if (list) {
                output = String.join("\n", listing.list(listPrefix, pageSize)) + "\n";
            } else if (platform != null && !platform.isBlank()) {
                output = listing.show(identifier().manifestKey(features()));
            } else {
                BuildType type = BuildType.fromWireValue(parameter(buildType, "PROMOTE_TARGET",
                        BuildType.SNAPSHOT.wireValue()));
                String name = ManifestKeys.setName(type, integer(required(epoch, "glci.epoch", null), "glci.epoch"),
                        required(committish, "glci.committish", null), required(version, "glci.version", "VERSION"),
                        parameter(flavourSet, "FLAVOUR_SET", "all"));
                output = listing.show(listing.latestSetKey(type, name));
            }
            if (outputFile != null) {
                AtomicFiles.write(outputFile.toPath(), output);
                getLog().info("wrote " + outputFile);
            } else {
                output.lines().forEach(getLog()::info);
            }
        }
    }
}
