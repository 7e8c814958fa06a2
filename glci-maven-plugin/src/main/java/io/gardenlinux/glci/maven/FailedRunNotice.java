package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.FollowOptions;
import io.gardenlinux.glci.cluster.RunFailedException;
import io.gardenlinux.glci.cluster.RunFollower;
import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.model.credentials.EmailCredentials;
import io.gardenlinux.glci.publish.notify.Notifier;
import io.gardenlinux.glci.publish.notify.RunFailureMail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The mail {@code glci:watch} and {@code glci:trigger -Dglci.wait} send with {@code glci.notify} when a followed run
 * fails (the original's wait script, research §4.5/§6.4): to the author and committer of the local HEAD, naming the
 * failed pipeline tasks. A mail that cannot be sent is a warning; the goal still fails for the run's failure.
 *
 * @param enabled whether {@code glci.notify} is set
 * @param checkout the local repository whose HEAD names the recipients
 * @param namespace the runs' namespace
 * @param dashboardUrl the Tekton dashboard the mail links to
 * @param email the {@code email} credential; read only when a mail is to be sent
 * @param timeout how long talking to the SMTP server may take
 */
record FailedRunNotice(boolean enabled, Path checkout, String namespace, String dashboardUrl,
        Supplier<EmailCredentials> email, Duration timeout) {

    FailedRunNotice {
        Objects.requireNonNull(checkout, "checkout");
        Objects.requireNonNull(namespace, "namespace");
        dashboardUrl = dashboardUrl == null || dashboardUrl.isBlank() ? RunFailureMail.DEFAULT_DASHBOARD_URL
                : dashboardUrl;
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The notice of a goal with {@code glci.notify}: recipients from the HEAD of its {@code glci.repoRoot}, the email
     * credential from {@code glci.emailConfig} or its {@code cicd.yaml} configuration.
     */
    static FailedRunNotice of(boolean enabled, AbstractGlciMojo goal, String namespace, String dashboardUrl,
            String emailConfig) {
        return new FailedRunNotice(enabled, goal.repoRoot(), namespace, dashboardUrl,
                () -> email(Optional.ofNullable(emailConfig), goal::cicdConfig, goal::credentials),
                Notifier.DEFAULT_TIMEOUT);
    }

    /** Follows a run; when it fails, tells (with {@code glci.notify}) and rethrows the failure. */
    void follow(RunFollower follower, String run, FollowOptions options, Reporter reporter) {
        try {
            follower.follow(run, options);
        } catch (RunFailedException e) {
            tell(e, reporter);
            throw e;
        }
    }

    /**
     * The {@code email} credential named by {@code glci.emailConfig}, else by {@code notify.email_cfg_name} of the
     * {@code cicd.yaml} configuration.
     */
    static EmailCredentials email(Optional<String> emailConfig, Supplier<CicdConfig> cicdConfig,
            Supplier<Credentials> credentials) {
        String name = emailConfig.filter(n -> !n.isBlank()).orElseGet(() -> {
            CicdConfig config = cicdConfig.get();
            return config.notification().orElseThrow(() -> new GlciException("cicd.yaml: configuration '"
                    + config.name() + "' has no notify.email_cfg_name and glci.emailConfig is not set; name the"
                    + " email credential to send the failure mail with")).emailCfgName();
        });
        return credentials.get().email(name);
    }

    /**
     * With {@code glci.notify}, mails the failure; any error while doing so is reported as a warning.
     *
     * @return the notifier's result, empty when disabled or the mail could not be sent
     */
    Optional<Notifier.Result> tell(RunFailedException failure, Reporter reporter) {
        if (!enabled) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Notifier(reporter, timeout).notifyFailedWait(new Notifier.FailedWait(checkout,
                    namespace, failure.run(), failure.failedTaskNames(), dashboardUrl, email.get())));
        } catch (GlciException e) {
            reporter.warn("Could not send the failure mail for PipelineRun " + failure.run() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
