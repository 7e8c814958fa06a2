package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.publish.git.Clone;
import io.gardenlinux.glci.publish.git.GitRemote;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Clones the Garden Linux repository and checks out a committish (the original's {@code clone-repo-step}): over https
 * as the technical user of the {@code github} credential for the URL's host, anonymously from github.com, or fails
 * with {@code Unable to clone <url>}.
 */
@Mojo(name = "clone", requiresProject = false, threadSafe = true)
public class CloneMojo extends AbstractGlciMojo {

    /** The repository (env {@code GIT_URL}), e.g. {@code https://github.com/gardenlinux/gardenlinux.git}. */
    @Parameter(property = "glci.gitUrl")
    private String gitUrl;

    /** The branch, tag or commit to check out. */
    @Parameter(property = "glci.committish", defaultValue = "main")
    private String committish;

    /** Where to clone to; must not exist or be empty. Default: {@code glci.repoRoot}. */
    @Parameter(property = "glci.checkoutDir")
    private File checkoutDir;

    @Override
    protected void run() {
        Path directory = checkoutDir != null ? checkoutDir.toPath() : repoRoot();
        GitRemote remote = GitRemote.resolve(parameter(gitUrl, "GIT_URL", null), credentialsIfAny(), "clone");
        new Clone(reporter()).clone(new Clone.Request(remote, committish, directory, GitRemote.DEFAULT_TIMEOUT));
    }

    /**
     * The credentials, when there are any to read: before the clone exists there is no {@code ci/cfg} in it, and a
     * github.com repository needs none.
     */
    private Credentials credentialsIfAny() {
        if (env(SECRETS_SERVER_CACHE).isEmpty() && cfgDir == null
                && !Files.isDirectory(repoRoot().resolve("ci").resolve("cfg"))) {
            reporter().info("no credentials (" + SECRETS_SERVER_CACHE + " unset, no glci.cfgDir): only github.com"
                    + " can be cloned, anonymously");
            return Credentials.readDocument("{}".getBytes(StandardCharsets.UTF_8), "no credentials");
        }
        return credentials();
    }
}
