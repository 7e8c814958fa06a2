package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.model.config.CicdConfigFile;
import io.gardenlinux.glci.model.credentials.CredentialSource;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.Setting;
import io.gardenlinux.glci.model.settings.SettingException;
import io.gardenlinux.glci.model.settings.SettingValues;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every glci goal shares: skipping, the Garden Linux checkout, the CI configuration and credentials, the
 * settings of {@link GlciSettings} (each goal hands its parameters over in {@link #given}; environment variables and
 * defaults come from the table), and turning library failures into one readable Maven error in Maven's words
 * ({@link MavenWording}).
 */
public abstract class AbstractGlciMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "glci.skip", defaultValue = "false")
    protected boolean skip;

    /** The Garden Linux checkout: holds {@code flavours.yaml}, {@code features/} and {@code VERSION}. */
    @Parameter(property = "glci.repoRoot", defaultValue = "${user.dir}")
    protected File repoRoot;

    /** The name of the configuration in {@code cicd.yaml} (default {@code default}). */
    @Parameter(property = "glci.cicdConfig")
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
    private SettingValues settings;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("glci: skipped (glci.skip)");
            return;
        }
        settings = null;
        try {
            run();
        } catch (SettingException e) {
            throw keeping(new MojoFailureException(MavenWording.describe(e)), e);
        } catch (GlciException e) {
            throw keeping(new MojoFailureException(MavenWording.words(e.getMessage())), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw keeping(new MojoExecutionException(MavenWording.words(e.getMessage())), e);
        }
    }

    /**
     * The library's failure, kept for {@code mvn -e} as a suppressed exception rather than as the cause: Maven adds
     * every cause's message to the error line, which would repeat the message in the libraries' words.
     */
    private static <T extends Exception> T keeping(T failure, RuntimeException library) {
        failure.addSuppressed(library);
        return failure;
    }

    /** The goal's work: one library call with the goal's settings. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** Hands the goal's parameters over to its settings; a goal adds its own and calls {@code super}. */
    protected void given(SettingValues.Builder given) {
        given.put(GlciSettings.CICD_CONFIG, cicdConfig);
    }

    /** The goal's settings: its parameters, else the original's environment variables, else the defaults. */
    protected final SettingValues settings() {
        if (settings == null) {
            SettingValues.Builder builder = SettingValues.builder(this::env);
            given(builder);
            settings = builder.build();
        }
        return settings;
    }

    /** A setting that has a value (given, from the environment or its default); an error naming it otherwise. */
    protected final <T> T setting(Setting<T> setting) {
        return settings().get(setting);
    }

    /** Where libraries report to: Maven's log, in Maven's words. */
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

    protected Path repoRoot() {
        return repoRoot.toPath().toAbsolutePath().normalize();
    }

    /** The selected configuration of {@code cicd.yaml}. */
    protected CicdConfig cicdConfig() {
        Path file = cicdConfigFile != null ? cicdConfigFile.toPath() : repoRoot().resolve("ci").resolve("cicd.yaml");
        return CicdConfigFile.read(file).config(setting(GlciSettings.CICD_CONFIG));
    }

    /** Where the credentials are: the mounted document of a pipeline step, else the credentials folder. */
    protected CredentialSource credentialSource() {
        return CredentialSource.of(settings(), cfgDir != null ? cfgDir.toPath()
                : repoRoot().resolve("ci").resolve("cfg"));
    }

    /** The credentials of {@link #credentialSource()}. */
    protected Credentials credentials() {
        return credentialSource().read();
    }
}
