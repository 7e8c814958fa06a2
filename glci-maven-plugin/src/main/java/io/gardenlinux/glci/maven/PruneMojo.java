package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterConnection;
import io.gardenlinux.glci.cluster.RunStarter;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Deletes all but the newest {@code glci.keep} PipelineRuns of the namespace, as {@code tkn … delete --keep 20}. */
@Mojo(name = "prune", requiresProject = false, threadSafe = true)
public class PruneMojo extends AbstractClusterMojo {

    /** How many PipelineRuns to keep, newest first. */
    @Parameter(property = "glci.keep", defaultValue = "" + RunStarter.DEFAULT_KEEP)
    protected int keep;

    @Override
    protected void run() {
        try (ClusterConnection connection = connect()) {
            connection.verify(reporter());
            new RunStarter(connection, reporter()).prune(keep);
        }
    }
}
