package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.publish.store.StoreCleaner;
import java.time.Clock;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Purges single manifests and snapshot manifest sets older than {@code glci.maxAgeDays}, then the objects no
 * remaining manifest or set refers to. {@code glci.dryRun} reports what would go and deletes nothing.
 */
@Mojo(name = "clean", requiresProject = false, threadSafe = true)
public class CleanMojo extends AbstractStoreMojo {

    /** Builds older than this many days are purged. */
    @Parameter(property = "glci.maxAgeDays", defaultValue = "" + StoreCleaner.DEFAULT_MAX_AGE_DAYS)
    protected int maxAgeDays;

    /** Reports what would be purged and deletes nothing. */
    @Parameter(property = "glci.dryRun", defaultValue = "false")
    protected boolean dryRun;

    @Override
    protected void run() {
        CicdConfig config = cicdConfig();
        try (S3Client s3 = buildClient(config)) {
            new StoreCleaner(store(config, s3), Clock.systemDefaultZone()).clean(maxAgeDays, dryRun);
        }
    }
}
