package io.gardenlinux.glci.publish.git;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.model.credentials.GithubCredentials;
import io.gardenlinux.glci.model.credentials.GithubCredentials.TechnicalUser;
import io.gardenlinux.glci.model.credentials.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * A git repository glci fetches from or pushes to, with the way it is reached, chosen as the original's
 * {@code clone-repo-step} chose it:
 * <ul>
 * <li>a {@code github} credential whose host is the URL's host: over https ({@code <httpUrl><path>}) as the entry's
 * technical user, whatever the URL's scheme ({@code ssh://git@host/org/repo}, {@code git@host:org/repo},
 * {@code https://host/org/repo} and {@code host/org/repo} all name the same repository);</li>
 * <li>no credential and the host {@code github.com}: anonymously over {@code https://github.com<path>};</li>
 * <li>a {@code file:} URL: the local repository as it is (for mirrors and tests), without credentials;</li>
 * <li>any other host: {@code Unable to clone <url>}.</li>
 * </ul>
 *
 * @param url the URL as given
 * @param host the URL's host ({@code ""} for a local repository)
 * @param uri the URI git is handed
 * @param github the credential entry the remote is reached with, if any
 */
public record GitRemote(String url, String host, String uri, Optional<GithubCredentials> github) {

    /** How long one network operation of git (connect, read) may stall. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /** The host reached anonymously when no credential names it. */
    public static final String GITHUB_COM = "github.com";

    // scheme://[user@]host[:port]/path   |   [user@]host:path (scp-like)   |   host/path (no scheme)
    private static final Pattern WITH_SCHEME = Pattern.compile("(?i)([a-z][a-z0-9+.-]*)://(?:[^@/]*@)?([^/:]+)(?::\\d+)?(/.*)?");
    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/]*@)?([^/:]+):(?!//)(.+)");
    private static final Pattern NO_SCHEME = Pattern.compile("([^/:@]+)(/.*)");

    public GitRemote {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(github, "github");
    }

    /**
     * How to reach {@code url}; {@code operation} (e.g. {@code clone}) names what failed in the error for a host
     * without a credential.
     */
    public static GitRemote resolve(String url, Credentials credentials, String operation) {
        if (url == null || url.isBlank()) {
            throw new GlciException("Unable to " + operation + ": no git URL given (" + GlciSettings.GIT_URL.mention() + " or GIT_URL)");
        }
        String trimmed = url.strip();
        if (trimmed.regionMatches(true, 0, "file:", 0, 5)) {
            return new GitRemote(trimmed, "", trimmed, Optional.empty());
        }
        String[] hostAndPath = hostAndPath(trimmed);
        if (hostAndPath == null) {
            throw new GlciException("Unable to " + operation + " " + trimmed + ": not a git URL; expected e.g."
                    + " https://github.com/gardenlinux/gardenlinux.git or ssh://git@github.com/gardenlinux/gardenlinux");
        }
        String host = hostAndPath[0];
        String path = hostAndPath[1].startsWith("/") ? hostAndPath[1] : "/" + hostAndPath[1];
        Optional<GithubCredentials> github = credentials.githubForHost(host);
        if (github.isPresent()) {
            String base = github.get().httpUrl().replaceAll("/+$", "");
            return new GitRemote(trimmed, host, base + path, github);
        }
        if (host.equalsIgnoreCase(GITHUB_COM)) {
            return new GitRemote(trimmed, host, "https://" + GITHUB_COM + path, Optional.empty());
        }
        throw new GlciException("Unable to " + operation + " " + trimmed + ": no github credential for host '" + host
                + "' (configured hosts: " + credentials.names(GithubCredentials.TYPE).stream()
                        .map(credentials::github).map(GithubCredentials::host).distinct().toList()
                + "); add a github entry whose httpUrl has that host, or use a github.com URL");
    }

    private static String[] hostAndPath(String url) {
        Matcher m = WITH_SCHEME.matcher(url);
        if (m.matches()) {
            return m.group(3) == null ? null : new String[] {m.group(2), m.group(3)};
        }
        m = SCP_LIKE.matcher(url);
        if (m.matches()) {
            return new String[] {m.group(1), m.group(2)};
        }
        m = NO_SCHEME.matcher(url);
        if (m.matches()) {
            return new String[] {m.group(1), m.group(2)};
        }
        return null;
    }

    /** The URL of a checkout's {@code origin} remote, e.g. the repository it was cloned from. */
    public static String originUrl(Path checkout) {
        try (Repository repository = new FileRepositoryBuilder().setWorkTree(checkout.toFile()).setMustExist(true)
                .build()) {
            String url = repository.getConfig().getString("remote", Constants.DEFAULT_REMOTE_NAME, "url");
            if (url == null) {
                throw new GlciException(checkout + ": the checkout has no 'origin' remote; give the repository's URL"
                        + " (" + GlciSettings.GIT_URL.mention() + " or GIT_URL)");
            }
            return url;
        } catch (IOException e) {
            throw new GlciException(checkout + ": not a git checkout (" + e.getMessage() + "); run " + GlciSettings.goal("clone")
                    + " first or point " + GlciSettings.REPO_ROOT.mention() + " at the clone", e);
        }
    }

    /** The technical user the remote is reached as, if any. */
    public Optional<TechnicalUser> technicalUser() {
        return github.map(GithubCredentials::technicalUser);
    }

    /** Whether the remote is a repository on this machine. */
    public boolean isLocal() {
        return host.isEmpty();
    }

    /**
     * The credentials git sends: the technical user's name and its auth token (or, without one, its password).
     * Empty for anonymous and local remotes.
     */
    public Optional<CredentialsProvider> credentialsProvider() {
        return technicalUser().map(user -> {
            Secret secret = user.authToken().or(user::password).orElseThrow(() -> new GlciException(
                    "github credential '" + github.get().name() + "': technical user '" + user.username()
                            + "' has neither authToken nor password; git over https needs one of them"));
            return new UsernamePasswordCredentialsProvider(user.username(), secret.reveal());
        });
    }

    /** How the remote is reached, for a log line; never a secret. */
    public String describe() {
        if (isLocal()) {
            return uri + " (local repository)";
        }
        return uri + technicalUser().map(u -> " as " + u.username() + " (github credential '"
                + github.get().name() + "')").orElse(" (anonymous)");
    }
}
