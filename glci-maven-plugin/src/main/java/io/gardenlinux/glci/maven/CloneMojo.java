package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.credentials.CredentialSource;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.publish.git.Clone;
import io.gardenlinux.glci.publish.git.GitRemote;
import java.io.File;
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
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.GIT_URL, gitUrl);
    }

    @Override
    protected void run() {
        Path directory = checkoutDir != null ? checkoutDir.toPath() : repoRoot();
        GitRemote remote = GitRemote.resolve(settings().explicit(GlciSettings.GIT_URL).orElse(null),
                credentialsIfAny(), "clone");
        new Clone(reporter()).clone(new Clone.Request(remote, committish, directory, GitRemote.DEFAULT_TIMEOUT));
    }

    /**
     * The credentials, when there are any to read: before the clone exists there is no {@code ci/cfg} in it, and a
     * github.com repository needs none.
     */
    private Credentials credentialsIfAny() {
        CredentialSource source = credentialSource();
        if (!source.exists()) {
            reporter().info("no credentials (SECRETS_SERVER_CACHE unset, nothing in " + source.describe()
                    + "): only github.com can be cloned, anonymously");
            return CredentialSource.none();
        }
        return source.read();
    }
}
