package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterConnection;
import io.gardenlinux.glci.cluster.FollowOptions;
import io.gardenlinux.glci.cluster.RunFollower;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Follows a PipelineRun to its end: a line when each task starts and ends, the log tail of each failed step
 * ({@code [task/step]} prefixed; every step's log with {@code glci.logs}); fails when the run fails, is cancelled or
 * exceeds {@code glci.timeout}. Replaces the original's {@code wait_for_pipelinerun.py}, with a watch instead of a
 * 15-second poll.
 */
@Mojo(name = "watch", requiresProject = false, threadSafe = true)
public class WatchMojo extends AbstractClusterMojo {

    /** The PipelineRun to follow. */
    @Parameter(property = "glci.run")
    protected String run;

    /** Show the logs of all steps, not only of failed ones. */
    @Parameter(property = "glci.logs", defaultValue = "false")
    protected boolean logs;

    /** How long to wait at most, e.g. {@code 90m}, {@code 6h}; default the run's own timeout. */
    @Parameter(property = "glci.timeout")
    protected String timeout;

    /** When the run fails, mail the author and committer of the local HEAD in {@code glci.repoRoot}. */
    @Parameter(property = "glci.notify", defaultValue = "false")
    protected boolean notifyOnFailure;

    /** The {@code email} credential for {@code glci.notify}; default {@code notify.email_cfg_name} of cicd.yaml. */
    @Parameter(property = "glci.emailConfig")
    protected String emailConfig;

    /** The Tekton Dashboard the {@code glci.notify} mail links to. */
    @Parameter(property = "glci.dashboardUrl")
    protected String dashboardUrl;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.RUN, run).put(GlciSettings.TIMEOUT, timeout);
    }

    @Override
    protected void run() {
        String name = setting(GlciSettings.RUN);
        FollowOptions follow = followOptions(logs);
        try (ClusterConnection connection = connect()) {
            connection.verify(reporter());
            FailedRunNotice.of(notifyOnFailure, this, connection.namespace(), dashboardUrl, emailConfig)
                    .follow(new RunFollower(connection, reporter()), name, follow, reporter());
        }
    }
}
