package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.model.credentials.EmailCredentials;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.publish.notify.Notifier;
import io.gardenlinux.glci.publish.notify.RunFailureMail;
import io.gardenlinux.glci.publish.notify.RunStatus;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Mails the outcome of a pipeline run when a task did not succeed (the original's {@code notify-status} step): to
 * {@code glci.onlyRecipients}, or to the CODEOWNERS of the clone in {@code glci.repoRoot} plus
 * {@code glci.additionalRecipients}, through the {@code email} credential named by {@code notify.email_cfg_name}
 * of {@code cicd.yaml}, with the run's log archive attached.
 */
@Mojo(name = "notify", requiresProject = false, threadSafe = true)
public class NotifyMojo extends AbstractGlciMojo {

    /** The status of each task, a JSON object such as {@code {"status_build": "Failed"}} ({@code status_dict_str}). */
    @Parameter(property = "glci.statusDict")
    private String statusDict;

    /** {@code ;}-separated addresses that, when given, are the only recipients (env {@code ONLY_RECIPIENTS}). */
    @Parameter(property = "glci.onlyRecipients")
    private String onlyRecipients;

    /** {@code ;}-separated addresses added to the CODEOWNERS (env {@code ADDITIONAL_RECIPIENTS}). */
    @Parameter(property = "glci.additionalRecipients")
    private String additionalRecipients;

    /** {@code true} sends nothing. */
    @Parameter(property = "glci.disableNotifications", defaultValue = "false")
    private String disableNotifications;

    /** The run's namespace (env {@code GARDENLINUX_TKN_WS}). */
    @Parameter(property = "glci.namespace")
    private String namespace;

    /** The pipeline's name. */
    @Parameter(property = "glci.pipelineName")
    private String pipelineName;

    /** The PipelineRun's name. */
    @Parameter(property = "glci.run")
    private String run;

    /** The run's step logs, attached when the file exists. Default: {@code <repoRoot>/build_log.zip}. */
    @Parameter(property = "glci.logArchive")
    private File logArchive;

    /** The Tekton dashboard the mail links to. */
    @Parameter(property = "glci.dashboardUrl", defaultValue = RunFailureMail.DEFAULT_DASHBOARD_URL)
    private String dashboardUrl;

    /** The repository (env {@code GIT_URL}); its host picks the GitHub API that resolves CODEOWNERS handles. */
    @Parameter(property = "glci.gitUrl")
    private String gitUrl;

    /** The commit the run built. */
    @Parameter(property = "glci.committish", defaultValue = "main")
    private String committish;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.STATUS_DICT, statusDict)
                .put(GlciSettings.ONLY_RECIPIENTS, onlyRecipients)
                .put(GlciSettings.ADDITIONAL_RECIPIENTS, additionalRecipients)
                .put(GlciSettings.DISABLE_NOTIFICATIONS, disableNotifications)
                .put(GlciSettings.NAMESPACE, namespace)
                .put(GlciSettings.PIPELINE_NAME, pipelineName)
                .put(GlciSettings.RUN, run)
                .put(GlciSettings.GIT_URL, gitUrl)
                .put(GlciSettings.COMMITTISH, committish);
    }

    @Override
    protected void run() {
        Path log = logArchive != null ? logArchive.toPath() : repoRoot().resolve("build_log.zip");
        new Notifier(reporter(), Notifier.DEFAULT_TIMEOUT).notifyRun(new Notifier.RunRequest(
                RunStatus.parse(statusDict),
                settings().find(GlciSettings.ONLY_RECIPIENTS).orElse(""),
                settings().find(GlciSettings.ADDITIONAL_RECIPIENTS).orElse(""),
                setting(GlciSettings.DISABLE_NOTIFICATIONS),
                setting(GlciSettings.PIPELINE_NAME),
                setting(GlciSettings.RUN),
                setting(GlciSettings.NAMESPACE),
                setting(GlciSettings.COMMITTISH), dashboardUrl, log, repoRoot(),
                settings().explicit(GlciSettings.GIT_URL),
                this::credentials, this::email));
    }

    /** The {@code email} credential that {@code notify.email_cfg_name} of {@code cicd.yaml} names. */
    private EmailCredentials email() {
        CicdConfig config = cicdConfig();
        String name = config.notification().orElseThrow(() -> new GlciException("cicd.yaml: configuration '"
                + config.name() + "' has no notify.email_cfg_name; name the email credential to send with"))
                .emailCfgName();
        return credentials().email(name);
    }
}
