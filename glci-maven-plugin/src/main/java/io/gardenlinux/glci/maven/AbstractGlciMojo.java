package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.model.config.CicdConfigFile;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.model.credentials.SecretCipher;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every glci goal shares: skipping, the Garden Linux checkout, the CI configuration and credentials, the
 * environment variables of the original CI as fallbacks for parameters, and turning library failures into one
 * readable Maven error. A goal only reads its parameters, builds an options object and calls a library.
 */
public abstract class AbstractGlciMojo extends AbstractMojo {

    /** The environment variable the original CI's steps found the mounted credentials document in. */
    static final String SECRETS_SERVER_CACHE = "SECRETS_SERVER_CACHE";

    /** Skips the goal. */
    @Parameter(property = "glci.skip", defaultValue = "false")
    protected boolean skip;

    /** The Garden Linux checkout: holds {@code flavours.yaml}, {@code features/} and {@code VERSION}. */
    @Parameter(property = "glci.repoRoot", defaultValue = "${user.dir}")
    protected File repoRoot;

    /** The name of the configuration in {@code cicd.yaml}. */
    @Parameter(property = "glci.cicdConfig", defaultValue = CicdConfigFile.DEFAULT_NAME)
    protected String cicdConfig;

    /** The CI configurations; default {@code ci/cicd.yaml} in the checkout. */
    @Parameter(property = "glci.cicdConfigFile")
    protected File cicdConfigFile;

    /**
     * The credentials folder with {@code cfg_types.yaml}; default {@code ci/cfg} in the checkout. Inside a pipeline
     * step the mounted document named by {@code SECRETS_SERVER_CACHE} is read instead.
     */
    @Parameter(property = "glci.cfgDir")
    protected File cfgDir;

    private Reporter reporter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("glci: skipped (glci.skip)");
            return;
        }
        try {
            run();
        } catch (GlciException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The goal's work. Library failures ({@link GlciException}) become one readable Maven error. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** Where libraries report to: Maven's log. */
    protected Reporter reporter() {
        if (reporter == null) {
            reporter = new MavenReporter(getLog());
        }
        return reporter;
    }

    /** An environment variable; goals read them through here so that tests can supply their own. */
    protected Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    /**
     * A parameter's value: the user property (or POM configuration) when given, else the original CI's
     * environment variable, else the default.
     */
    protected String parameter(String configured, String environmentVariable, String defaultValue) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return env(environmentVariable).orElse(defaultValue);
    }

    protected Path repoRoot() {
        return repoRoot.toPath().toAbsolutePath().normalize();
    }

    /** The selected configuration of {@code cicd.yaml}. */
    protected CicdConfig cicdConfig() {
        Path file = cicdConfigFile != null ? cicdConfigFile.toPath() : repoRoot().resolve("ci").resolve("cicd.yaml");
        return CicdConfigFile.read(file).config(cicdConfig);
    }

    /**
     * The credentials: the document named by {@code SECRETS_SERVER_CACHE} (decrypted with
     * {@code SECRET_CIPHER_ALGORITHM} and {@code SECRET_KEY} when both are set), else the credentials folder.
     */
    protected Credentials credentials() {
        Optional<String> cache = env(SECRETS_SERVER_CACHE);
        if (cache.isPresent()) {
            Path document = Path.of(cache.get());
            byte[] content;
            try {
                content = Files.readAllBytes(document);
            } catch (IOException e) {
                throw new GlciException(SECRETS_SERVER_CACHE + "=" + document + ": cannot read the credentials: "
                        + e.getMessage(), e);
            }
            Optional<String> algorithm = env("SECRET_CIPHER_ALGORITHM");
            Optional<String> key = env("SECRET_KEY");
            if (algorithm.isPresent() && key.isPresent()) {
                return Credentials.readDocument(content, document.toString(),
                        SecretCipher.fromAlgorithmName(algorithm.get()), SecretCipher.decodeKey(key.get()));
            }
            return Credentials.readDocument(content, document.toString());
        }
        Path dir = cfgDir != null ? cfgDir.toPath() : repoRoot().resolve("ci").resolve("cfg");
        return Credentials.readDirectory(dir);
    }
}
