package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.publish.git.GitRemote;
import io.gardenlinux.glci.publish.git.ReleaseBranches;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Cuts or advances the release branch {@code rel-<epoch>} and bumps {@code VERSION} to the next patch level, when
 * {@code release} is among the publishing actions (the original's {@code release-step}). Works on the clone in
 * {@code glci.repoRoot}; pushes as the technical user of the {@code github} credential for the repository's host.
 */
@Mojo(name = "release", requiresProject = false, threadSafe = true)
public class ReleaseMojo extends AbstractGlciMojo {

    /** The run's publishing actions, comma-separated (env {@code PUBLISHING_ACTIONS}). */
    @Parameter(property = "glci.publishingActions")
    private String publishingActions;

    /** The run's Garden Linux epoch; must match the release version in {@code VERSION}. */
    @Parameter(property = "glci.epoch")
    private String epoch;

    /** The commit to release: a branch, tag or commit id of the clone. */
    @Parameter(property = "glci.committish", defaultValue = "HEAD")
    private String committish;

    /** The repository to push to (env {@code GIT_URL}); default: the clone's {@code origin}. */
    @Parameter(property = "glci.gitUrl")
    private String gitUrl;

    /** The branch the run built (env {@code BRANCH_NAME}); a patch release is expected to build its release branch. */
    @Parameter(property = "glci.branch")
    private String branch;

    @Override
    protected void run() {
        PublishingActions actions = PublishingActions.parse(parameter(publishingActions, "PUBLISHING_ACTIONS",
                "build_only"));
        String url = Optional.ofNullable(parameter(gitUrl, "GIT_URL", null))
                .orElseGet(() -> GitRemote.originUrl(repoRoot()));
        GitRemote remote = GitRemote.resolve(url, credentials(), "push the release branch to");
        new ReleaseBranches(reporter()).release(new ReleaseBranches.Request(actions, repoRoot(), committish, remote,
                epoch(), Optional.ofNullable(parameter(branch, "BRANCH_NAME", null)),
                LocalDate.now(ZoneOffset.UTC), GitRemote.DEFAULT_TIMEOUT));
    }

    private Optional<Integer> epoch() {
        if (epoch == null || epoch.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(epoch.strip()));
        } catch (NumberFormatException e) {
            throw new GlciException("glci.epoch='" + epoch + "' is not a Garden Linux epoch; give a whole number such"
                    + " as 318");
        }
    }
}
