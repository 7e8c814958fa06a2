package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterConnection;
import io.gardenlinux.glci.cluster.FollowOptions;
import io.gardenlinux.glci.cluster.RunFollower;
import io.gardenlinux.glci.cluster.RunStarter;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.render.Rendering;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the original's {@code render_pipelines_and_trigger_job} did: {@code glci:apply}, remove old PipelineRuns
 * (keep the newest {@code glci.keep}), start the runs chosen with {@code glci.imageBuild} / {@code glci.packageBuild}
 * and print their names; with {@code glci.wait}, follow each to its end and fail when it fails.
 */
@Mojo(name = "trigger", requiresProject = false, threadSafe = true)
public class TriggerMojo extends ApplyMojo {

    /** How many PipelineRuns to keep, newest first, before starting new ones (default 20). */
    @Parameter(property = "glci.keep")
    protected String keep;

    /** Follow the started runs to their end; the goal fails when one fails. */
    @Parameter(property = "glci.wait", defaultValue = "false")
    protected boolean waitForRuns;

    /** While following, show the logs of all steps, not only of failed ones. */
    @Parameter(property = "glci.logs", defaultValue = "false")
    protected boolean logs;

    /** How long to follow a run at most, e.g. {@code 90m}, {@code 6h}; default the run's own timeout. */
    @Parameter(property = "glci.timeout")
    protected String timeout;

    /** With {@code glci.wait}, when a run fails, mail the author and committer of the local HEAD. */
    @Parameter(property = "glci.notify", defaultValue = "false")
    protected boolean notifyOnFailure;

    /** The {@code email} credential for {@code glci.notify}; default {@code notify.email_cfg_name} of cicd.yaml. */
    @Parameter(property = "glci.emailConfig")
    protected String emailConfig;

    /** The Tekton Dashboard's URL; a link to each started run is printed (and is in the glci.notify mail). */
    @Parameter(property = "glci.dashboardUrl")
    protected String dashboardUrl;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.KEEP, keep).put(GlciSettings.TIMEOUT, timeout);
    }

    @Override
    protected void run() {
        int kept = setting(GlciSettings.KEEP);
        FollowOptions follow = followOptions(logs);
        try (ClusterConnection connection = connect()) {
            Rendering rendering = applyTo(connection);
            if (rendering.pipelineRuns().isEmpty()) {
                reporter().warn("No run started: choose one with -Dglci.imageBuild and/or -Dglci.packageBuild");
                return;
            }
            RunStarter starter = new RunStarter(connection, reporter());
            starter.prune(kept);
            List<String> runs = starter.start(rendering.pipelineRuns(),
                    Optional.ofNullable(dashboardUrl).filter(u -> !u.isBlank()));
            if (waitForRuns) {
                RunFollower follower = new RunFollower(connection, reporter());
                FailedRunNotice notice = FailedRunNotice.of(notifyOnFailure, this, connection.namespace(),
                        dashboardUrl, emailConfig);
                for (String run : runs) {
                    notice.follow(follower, run, follow, reporter());
                }
            }
        }
    }
}
