package io.gardenlinux.glci.publish.notify;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.model.credentials.EmailCredentials;
import io.gardenlinux.glci.publish.git.GitRemote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Tells people that a pipeline run failed, by mail:
 * <ul>
 * <li>{@link #notifyRun} for the {@code notify-task} at the end of a run: nothing when notifications are disabled or
 * every task succeeded; else to {@code only_recipients}, or to the checkout's CODEOWNERS (GitHub users and teams
 * resolved to their public addresses) plus {@code additional_recipients};</li>
 * <li>{@link #notifyFailedWait} when glci waited for a run on a workstation and it failed: to the author and
 * committer of the local HEAD.</li>
 * </ul>
 * The {@code email} credential's blacklist applies to both.
 */
public final class Notifier {

    /** How long connecting to and talking with the SMTP server and the GitHub API may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Reporter reporter;
    private final Duration timeout;

    public Notifier(Reporter reporter, Duration timeout) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** What became of a notification. */
    public enum Outcome {
        /** {@code disable_notifications} was set. */
        DISABLED,
        /** Every task succeeded: nobody is told. */
        ALL_SUCCEEDED,
        /** Nobody to tell (after the blacklist). */
        NO_RECIPIENT,
        /** The mail went out. */
        SENT
    }

    /**
     * The result.
     *
     * @param outcome what happened
     * @param recipients who got the mail (empty unless sent)
     */
    public record Result(Outcome outcome, List<String> recipients) {
        public Result {
            recipients = List.copyOf(recipients);
        }
    }

    /**
     * A finished pipeline run to tell about.
     *
     * @param status the tasks' status
     * @param onlyRecipients {@code ;}-separated addresses that, when any is given, are the only recipients
     * @param additionalRecipients {@code ;}-separated addresses added to the CODEOWNERS
     * @param disabled whether notifications are off
     * @param pipeline the pipeline's name
     * @param run the PipelineRun's name
     * @param namespace the run's namespace
     * @param committish the commit the run built
     * @param dashboardUrl the Tekton dashboard
     * @param logArchive the run's log archive, attached when the file exists
     * @param checkout the clone whose CODEOWNERS files name the owners
     * @param gitUrl the repository's URL: its host picks the {@code github} credential (and so the GitHub API) that
     *     resolves the owners' handles
     * @param credentials where that {@code github} credential is looked up; read only when CODEOWNERS name GitHub
     *     users or teams
     * @param email the SMTP server and sender; read only when a mail is to be sent, so that a run without failures
     *     needs no mail configuration
     */
    public record RunRequest(RunStatus status, String onlyRecipients, String additionalRecipients, boolean disabled,
            String pipeline, String run, String namespace, String committish, String dashboardUrl,
            Path logArchive, Path checkout, Optional<String> gitUrl, Supplier<Credentials> credentials,
            Supplier<EmailCredentials> email) {
        public RunRequest {
            Objects.requireNonNull(status, "status");
            onlyRecipients = onlyRecipients == null ? "" : onlyRecipients;
            additionalRecipients = additionalRecipients == null ? "" : additionalRecipients;
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(committish, "committish");
            Objects.requireNonNull(dashboardUrl, "dashboardUrl");
            Objects.requireNonNull(logArchive, "logArchive");
            Objects.requireNonNull(checkout, "checkout");
            Objects.requireNonNull(gitUrl, "gitUrl");
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(email, "email");
        }
    }

    /**
     * A run that failed while glci waited for it.
     *
     * @param checkout the local repository whose HEAD was built
     * @param namespace the run's namespace
     * @param run the PipelineRun's name
     * @param failedTasks the pipeline tasks that failed
     * @param dashboardUrl the Tekton dashboard
     * @param email the SMTP server and sender
     */
    public record FailedWait(Path checkout, String namespace, String run, List<String> failedTasks,
            String dashboardUrl, EmailCredentials email) {
        public FailedWait {
            Objects.requireNonNull(checkout, "checkout");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(run, "run");
            failedTasks = List.copyOf(failedTasks);
            Objects.requireNonNull(dashboardUrl, "dashboardUrl");
            Objects.requireNonNull(email, "email");
        }
    }

    /** Splits a {@code ;}-separated list of addresses: trimmed, without empty pieces and repeats. */
    public static List<String> addresses(String semicolonSeparated) {
        if (semicolonSeparated == null) {
            return List.of();
        }
        return List.copyOf(Arrays.stream(semicolonSeparated.split(";")).map(String::strip)
                .filter(a -> !a.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new)));
    }


    /** Tells the owners about a failed run; see the class description for who is told when. */
    public Result notifyRun(RunRequest request) {
        if (request.disabled()) {
            reporter.info("Notification is disabled, not sending email");
            return new Result(Outcome.DISABLED, List.of());
        }
        List<String> only = addresses(request.onlyRecipients());
        List<String> additional = addresses(request.additionalRecipients());
        reporter.info("only_recipients=" + only + ", additional_recipients=" + additional);
        if (request.status().allSucceeded()) {
            reporter.info(request.status().tasks().isEmpty()
                    ? "No task status given (" + GlciSettings.STATUS_DICT.mention() + "), no notification sent"
                    : "All tasks succeeded, no notification sent");
            return new Result(Outcome.ALL_SUCCEEDED, List.of());
        }
        Set<String> recipients = new LinkedHashSet<>();
        String note;
        if (!only.isEmpty()) {
            recipients.addAll(only);
            note = "This mail goes to the recipients the pipeline run names (only_recipients).";
        } else {
            reporter.info("getting recipients from CODEOWNERS");
            recipients.addAll(codeOwners(request));
            recipients.addAll(additional);
            note = "This mail goes to the code owners of the repository (CODEOWNERS)"
                    + (additional.isEmpty() ? "." : " and the run's additional recipients.");
        }
        Optional<Path> log = Optional.of(request.logArchive()).filter(Files::isRegularFile);
        RunFailureMail mail = new RunFailureMail(request.pipeline(), request.run(), request.namespace(),
                request.committish(), request.status(), request.dashboardUrl(), log, note);
        return send(request.email().get(), List.copyOf(recipients), mail::to);
    }

    /** Tells the author and committer of the local HEAD that the run they started failed. */
    public Result notifyFailedWait(FailedWait request) {
        RevCommit head;
        try (Git git = Git.open(request.checkout().toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            ObjectId id = git.getRepository().resolve(Constants.HEAD);
            if (id == null) {
                throw new GlciException(request.checkout() + ": the repository has no HEAD commit to tell about");
            }
            head = walk.parseCommit(id);
        } catch (IOException e) {
            throw new GlciException(request.checkout() + ": cannot read the local HEAD: " + e.getMessage(), e);
        }
        List<String> recipients = List.copyOf(new LinkedHashSet<>(List.of(head.getAuthorIdent().getEmailAddress(),
                head.getCommitterIdent().getEmailAddress())));
        FailedWaitMail mail = new FailedWaitMail(head.name(), head.getFullMessage(), request.namespace(),
                request.run(), request.failedTasks(), request.dashboardUrl());
        return send(request.email(), recipients.stream().filter(a -> !a.isBlank()).toList(), mail::to);
    }

    private Result send(EmailCredentials email, List<String> recipients,
            Function<List<String>, Mail> mail) {
        Mailer mailer = new Mailer(email, timeout, reporter);
        List<String> allowed = mailer.allowed(recipients);
        if (allowed.isEmpty()) {
            reporter.warn("Mail not sent, could not find any recipient.");
            return new Result(Outcome.NO_RECIPIENT, List.of());
        }
        reporter.info("Send notification to following recipients: " + allowed);
        mailer.send(mail.apply(allowed));
        return new Result(Outcome.SENT, allowed);
    }

    private List<String> codeOwners(RunRequest request) {
        CodeOwners owners = CodeOwners.read(request.checkout(), reporter);
        List<String> found = new ArrayList<>(owners.emails());
        if (owners.users().isEmpty() && owners.teams().isEmpty()) {
            return found;
        }
        Optional<GithubUsers> github = githubUsers(request);
        if (github.isEmpty()) {
            reporter.warn("cannot resolve the GitHub users and teams of CODEOWNERS " + owners.users() + " "
                    + owners.teams() + ": no GitHub repository URL (" + GlciSettings.GIT_URL.mention()
                    + ") names the GitHub API to ask");
            return found;
        }
        for (String user : owners.users()) {
            github.get().publicEmail(user).ifPresent(found::add);
        }
        for (String team : owners.teams()) {
            for (String member : github.get().teamMembers(team)) {
                github.get().publicEmail(member).ifPresent(found::add);
            }
        }
        return found;
    }

    private Optional<GithubUsers> githubUsers(RunRequest request) {
        if (request.gitUrl().isEmpty() || request.gitUrl().get().isBlank()) {
            return Optional.empty();
        }
        GitRemote remote = GitRemote.resolve(request.gitUrl().get(), request.credentials().get(),
                "resolve the CODEOWNERS of");
        if (remote.isLocal()) {
            return Optional.empty();
        }
        return Optional.of(remote.github()
                .map(g -> GithubUsers.of(g, timeout, reporter))
                .orElseGet(() -> new GithubUsers(GithubUsers.GITHUB_COM_API, Optional.empty(), timeout, reporter)));
    }
}
