package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.publish.git.GitRemote;
import io.gardenlinux.glci.publish.git.ReleaseBranches;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.PUBLISHING_ACTIONS, publishingActions)
                .put(GlciSettings.EPOCH, epoch)
                .put(GlciSettings.GIT_URL, gitUrl)
                .put(GlciSettings.BRANCH, branch);
    }

    @Override
    protected void run() {
        PublishingActions actions = setting(GlciSettings.PUBLISHING_ACTIONS);
        String url = settings().explicit(GlciSettings.GIT_URL).orElseGet(() -> GitRemote.originUrl(repoRoot()));
        GitRemote remote = GitRemote.resolve(url, credentials(), "push the release branch to");
        new ReleaseBranches(reporter()).release(new ReleaseBranches.Request(actions, repoRoot(), committish, remote,
                settings().explicit(GlciSettings.EPOCH), settings().explicit(GlciSettings.BRANCH),
                LocalDate.now(ZoneOffset.UTC), GitRemote.DEFAULT_TIMEOUT));
    }
}
