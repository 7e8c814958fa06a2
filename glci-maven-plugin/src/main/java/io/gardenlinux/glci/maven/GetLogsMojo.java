package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterConnection;
import io.gardenlinux.glci.cluster.LogArchive;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the logs of every step of a PipelineRun to a zip ({@code <task>/<NN>_<step>.log}), as the original's
 * {@code get-logs} step did for the notification mail. Runs inside the pipeline with the pod's ServiceAccount (it
 * needs the {@code incluster-tektonaccess} rights that {@code glci:setup} grants) or on a workstation.
 */
@Mojo(name = "get-logs", requiresProject = false, threadSafe = true)
public class GetLogsMojo extends AbstractClusterMojo {

    /** The PipelineRun. */
    @Parameter(property = "glci.run")
    protected String run;

    /** The zip to write; default {@code build_log.zip} in {@code glci.repoRoot}. */
    @Parameter(property = "glci.logArchive")
    protected File logArchive;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.RUN, run);
    }

    @Override
    protected void run() {
        String name = setting(GlciSettings.RUN);
        Path zip = logArchive != null ? logArchive.toPath() : repoRoot().resolve("build_log.zip");
        try (ClusterConnection connection = connect()) {
            new LogArchive(connection, reporter()).write(name, zip);
        }
    }
}
