package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.publish.oci.OciPublisher;
import io.gardenlinux.glci.publish.oci.OciRegistries;
import io.gardenlinux.glci.publish.oci.RootfsSource;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes an {@code oci} platform release as a container image: the flavour's {@code rootfs.tar.xz} becomes a
 * one-layer image under {@code <image_prefix>:<version>-<release>-<architecture>}, the release's multi-architecture
 * index under {@code <image_prefix>:<version>-<release>} lists it, and the release manifest is rewritten with that
 * reference as its published-image metadata.
 */
@Mojo(name = "publish-oci", requiresProject = false, threadSafe = true)
public class PublishOciMojo extends AbstractOciMojo {

    /** The release manifest (YAML, as stored under {@code meta/singles}) of the {@code oci} flavour build. */
    @Parameter(property = "glci.manifestFile")
    private File manifestFile;

    /** The flavour's {@code rootfs.tar.xz}. */
    @Parameter(property = "glci.rootfs")
    private File rootfs;

    /** The repository to push to; default {@code publish.oci.image_prefix} of the selected {@code cicd.yaml} configuration. */
    @Parameter(property = "glci.imagePrefix")
    private String imagePrefix;

    /** Where the updated manifest is written; default: the manifest file itself (replaced whole). */
    @Parameter(property = "glci.outputManifest")
    private File outputManifest;

    /** Where the temporary gzip layer is made (it is as large as the compressed layer). */
    @Parameter(property = "glci.workDir", defaultValue = "${java.io.tmpdir}")
    private File workDir;

    @Override
    protected void run() throws MojoExecutionException {
        if (manifestFile == null) {
            throw new MojoExecutionException("missing glci.manifestFile (the release manifest of the oci flavour)");
        }
        if (rootfs == null) {
            throw new MojoExecutionException("missing glci.rootfs (the flavour's rootfs.tar.xz)");
        }
        String prefix = imagePrefix != null && !imagePrefix.isBlank() ? imagePrefix : configuredImagePrefix();
        FeatureGraph features = FeatureGraph.load(repoRoot().resolve("features"));
        Path output = (outputManifest != null ? outputManifest : manifestFile).toPath();
        try (OciRegistries registries = registries()) {
            new OciPublisher(registries, workDir.toPath(), reporter()).publishManifestFile(manifestFile.toPath(),
                    output, features, prefix, RootfsSource.ofFile(rootfs.toPath()));
        }
    }

    private String configuredImagePrefix() {
        CicdConfig config = cicdConfig();
        return config.publish().flatMap(CicdConfig.PublishConfig::oci).map(CicdConfig.OciPublishConfig::imagePrefix)
                .orElseThrow(() -> new GlciException("cicd.yaml configuration '" + config.name()
                        + "' has no publish.oci.image_prefix; set it or give glci.imagePrefix"));
    }
}
