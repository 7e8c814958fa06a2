package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.publish.oci.OciPublisher;
import io.gardenlinux.glci.publish.oci.OciRegistries;
import io.gardenlinux.glci.publish.oci.RootfsSource;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import io.gardenlinux.glci.publish.store.StoreAccess;

/**
 * Publishes an {@code oci} platform release as a container image: the flavour's {@code rootfs.tar.xz} becomes a
 * one-layer image under {@code <image_prefix>:<version>-<release>-<architecture>}, the release's multi-architecture
 * index under {@code <image_prefix>:<version>-<release>} lists it, and the release manifest records that reference
 * as its published-image metadata. The release comes from the build-result store ({@code glci.manifestKey}: the
 * manifest and its {@code rootfs.tar.xz} are read from S3 and the manifest is stored again) or from local files
 * ({@code glci.manifestFile} and {@code glci.rootfs}).
 */
@Mojo(name = "publish-oci", requiresProject = false, threadSafe = true)
public class PublishOciMojo extends AbstractStoreMojo {

    /** The key of the release manifest in the build-result bucket, e.g. {@code meta/singles/oci-base-318.9-c03ea4}. */
    @Parameter(property = "glci.manifestKey")
    private String manifestKey;

    /** A local release manifest (YAML, as stored under {@code meta/singles}), instead of {@code glci.manifestKey}. */
    @Parameter(property = "glci.manifestFile")
    private File manifestFile;

    /** The flavour's local {@code rootfs.tar.xz}, with {@code glci.manifestFile}. */
    @Parameter(property = "glci.rootfs")
    private File rootfs;

    /** The repository to push to; default {@code publish.oci.image_prefix} of the selected {@code cicd.yaml} configuration. */
    @Parameter(property = "glci.imagePrefix")
    private String imagePrefix;

    /** Where the updated local manifest is written; default: {@code glci.manifestFile} itself (replaced whole). */
    @Parameter(property = "glci.outputManifest")
    private File outputManifest;

    /** Where the temporary gzip layer is made (it is as large as the compressed layer). */
    @Parameter(property = "glci.workDir", defaultValue = "${java.io.tmpdir}")
    private File workDir;

    @Override
    protected void run() {
        boolean fromStore = manifestKey != null && !manifestKey.isBlank();
        if (!fromStore && (manifestFile == null || rootfs == null)) {
            throw new GlciException("publish-oci needs -Dglci.manifestKey (a manifest in the build-result bucket) or"
                    + " both -Dglci.manifestFile and -Dglci.rootfs (local files)");
        }
        String prefix = imagePrefix != null && !imagePrefix.isBlank() ? imagePrefix
                : configuredImagePrefix(cicdConfig());
        try (OciRegistries registries = OciAccess.registries(this)) {
            OciPublisher publisher = new OciPublisher(registries, workDir.toPath(), reporter());
            if (fromStore) {
                try (StoreAccess stores = stores()) {
                    publisher.publishStoredManifest(stores.buildResults(), manifestKey, features(), prefix);
                }
            } else {
                Path output = (outputManifest != null ? outputManifest : manifestFile).toPath();
                publisher.publishManifestFile(manifestFile.toPath(), output, features(), prefix,
                        RootfsSource.ofFile(rootfs.toPath()));
            }
        }
    }

    private static String configuredImagePrefix(CicdConfig config) {
        return config.publish().flatMap(CicdConfig.PublishConfig::oci).map(CicdConfig.OciPublishConfig::imagePrefix)
                .orElseThrow(() -> new GlciException("cicd.yaml configuration '" + config.name()
                        + "' has no publish.oci.image_prefix; set it or give -Dglci.imagePrefix"));
    }
}
