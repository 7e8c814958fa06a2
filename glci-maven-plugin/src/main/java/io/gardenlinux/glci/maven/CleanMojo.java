package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.publish.store.StoreAccess;
import io.gardenlinux.glci.publish.store.StoreCleaner;
import java.time.Clock;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Purges single manifests and snapshot manifest sets older than {@code glci.maxAgeDays}, then the objects no
 * remaining manifest or set refers to. {@code glci.dryRun} reports what would go and deletes nothing.
 */
@Mojo(name = "clean", requiresProject = false, threadSafe = true)
public class CleanMojo extends AbstractStoreMojo {

    /** Builds older than this many days are purged (default 30). */
    @Parameter(property = "glci.maxAgeDays")
    protected String maxAgeDays;

    /** Reports what would be purged and deletes nothing. */
    @Parameter(property = "glci.dryRun", defaultValue = "false")
    protected boolean dryRun;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.MAX_AGE_DAYS, maxAgeDays);
    }

    @Override
    protected void run() {
        int days = setting(GlciSettings.MAX_AGE_DAYS);
        try (StoreAccess stores = stores()) {
            new StoreCleaner(stores.buildResults(), Clock.systemDefaultZone()).clean(days, dryRun);
        }
    }
}
