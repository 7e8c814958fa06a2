package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterConnection;
import io.gardenlinux.glci.cluster.RunStarter;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Deletes all but the newest {@code glci.keep} PipelineRuns of the namespace, as {@code tkn … delete --keep 20}. */
@Mojo(name = "prune", requiresProject = false, threadSafe = true)
public class PruneMojo extends AbstractClusterMojo {

    /** How many PipelineRuns to keep, newest first (default 20). */
    @Parameter(property = "glci.keep")
    protected String keep;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.KEEP, keep);
    }

    @Override
    protected void run() {
        int kept = setting(GlciSettings.KEEP);
        try (ClusterConnection connection = connect()) {
            connection.verify(reporter());
            new RunStarter(connection, reporter()).prune(kept);
        }
    }
}
