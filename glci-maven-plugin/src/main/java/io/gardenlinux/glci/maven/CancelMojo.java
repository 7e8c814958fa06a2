package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterConnection;
import io.gardenlinux.glci.cluster.RunCanceller;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Cancels a PipelineRun: sets its {@code spec.status} to {@code Cancelled} ({@code v1}) or
 * {@code PipelineRunCancelled} ({@code v1beta1}, Tekton 0.25).
 */
@Mojo(name = "cancel", requiresProject = false, threadSafe = true)
public class CancelMojo extends AbstractClusterMojo {

    /** The PipelineRun to cancel. */
    @Parameter(property = "glci.run")
    protected String run;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.RUN, run);
    }

    @Override
    protected void run() {
        String name = setting(GlciSettings.RUN);
        try (ClusterConnection connection = connect()) {
            connection.verify(reporter());
            new RunCanceller(connection, reporter()).cancel(name);
        }
    }
}
