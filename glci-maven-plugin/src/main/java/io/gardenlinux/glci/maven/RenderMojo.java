package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.render.PipelineRenderer;
import io.gardenlinux.glci.render.RenderOptions;
import io.gardenlinux.glci.render.RenderedFiles;
import io.gardenlinux.glci.render.Rendering;
import io.gardenlinux.glci.render.StepCredentials;
import io.gardenlinux.glci.render.tekton.TektonApi;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders the Tekton Tasks, the Pipelines {@code gardenlinux-build} and {@code gl-packages-build} and, with
 * {@code glci.imageBuild} / {@code glci.packageBuild}, their PipelineRuns from a Garden Linux checkout, validates
 * them and writes one YAML file per object to {@code glci.outputDirectory}. Needs no cluster.
 */
@Mojo(name = "render", requiresProject = false, threadSafe = true)
public class RenderMojo extends AbstractGlciMojo {

    /** The flavour set the image build builds (env {@code FLAVOUR_SET}). */
    @Parameter(property = "glci.flavourSet")
    protected String flavourSet;

    /** Also render the PipelineRun of the image build. */
    @Parameter(property = "glci.imageBuild", defaultValue = "false")
    protected boolean imageBuild;

    /** Also render the PipelineRun of the package build. */
    @Parameter(property = "glci.packageBuild", defaultValue = "false")
    protected boolean packageBuild;

    /** Also render the cluster prerequisites: Namespace, LimitRange {@code gardenlinux} and the RBAC of get-logs. */
    @Parameter(property = "glci.setup", defaultValue = "false")
    protected boolean setup;

    /** The Tekton API version: {@code v1} (Tekton 0.43 and later) or {@code v1beta1} (Tekton 0.25). */
    @Parameter(property = "glci.tektonApi", defaultValue = "v1")
    protected String tektonApi;

    /** The namespace of the setup objects (env {@code GARDENLINUX_TKN_WS}, default {@code gardenlinux}). */
    @Parameter(property = "glci.namespace")
    protected String namespace;

    /** The commit to build; default the checkout's HEAD. */
    @Parameter(property = "glci.committish")
    protected String committish;

    /** The version to build (env {@code VERSION}); default the checkout's {@code VERSION} file. */
    @Parameter(property = "glci.version")
    protected String version;

    /** The branch the commit is on (env {@code BRANCH_NAME}, default {@code main}). */
    @Parameter(property = "glci.branch")
    protected String branch;

    /** The repository the steps clone (env {@code GIT_URL}). */
    @Parameter(property = "glci.gitUrl")
    protected String gitUrl;

    /** The registry path of the base images (env {@code OCI_PATH}). */
    @Parameter(property = "glci.ociPath")
    protected String ociPath;

    /**
     * Comma-separated publishing actions: manifests, images, release, build_only (env {@code PUBLISHING_ACTIONS},
     * default {@code build_only}); {@code manifests} is always added, as the original did.
     */
    @Parameter(property = "glci.publishingActions")
    protected String publishingActions;

    /** The build type: snapshot, daily or release (env {@code PROMOTE_TARGET}, default {@code snapshot}). */
    @Parameter(property = "glci.buildType")
    protected String buildType;

    /** Another name of {@code glci.buildType}, after the original's {@code --promote-target}. */
    @Parameter(property = "glci.promoteTarget")
    protected String promoteTarget;

    /** Where the YAML files are written. */
    @Parameter(property = "glci.outputDirectory", defaultValue = "${user.dir}/target/glci")
    protected File outputDirectory;

    /** The image (JDK 17, Maven 3.9) in which rendered steps run glci goals. */
    @Parameter(property = "glci.stepImage", defaultValue = RenderOptions.DEFAULT_STEP_IMAGE)
    protected String stepImage;

    /** The ServiceAccount of the runs' pods; default the namespace's {@code default}. */
    @Parameter(property = "glci.serviceAccount")
    protected String serviceAccount;

    /** The runs send no mail. */
    @Parameter(property = "glci.disableNotifications", defaultValue = "false")
    protected boolean disableNotifications;

    /** Mail addresses added to the notification's recipients. */
    @Parameter(property = "glci.additionalRecipients")
    protected String additionalRecipients;

    /** Mail addresses that replace the notification's recipients. */
    @Parameter(property = "glci.onlyRecipients")
    protected String onlyRecipients;

    /** Comma-separated packages of the package build; default the original's list. */
    @Parameter(property = "glci.packages")
    protected String packages;

    /** Comma-separated kernel packages of the package build; default the original's list. */
    @Parameter(property = "glci.kernelPackages")
    protected String kernelPackages;

    /**
     * The secrets server steps read credentials from (env {@code SECRETS_SERVER_ENDPOINT}, or the original README's
     * {@code SECRET_SERVER_ENDPOINT}); without one, steps mount the Secret {@code secrets}.
     */
    @Parameter(property = "glci.secretsServerEndpoint")
    protected String secretsServerEndpoint;

    /**
     * The algorithm the credentials document is encrypted with (env {@code SECRET_CIPHER_ALGORITHM}); steps then
     * read the key from the Secret {@code secrets-key}. {@code PLAINTEXT} means not encrypted.
     */
    @Parameter(property = "glci.secretCipherAlgorithm")
    protected String secretCipherAlgorithm;

    /** Also render the integration tests: Task, Pipeline {@code integrationtests-all} and, with an image build, a run. */
    @Parameter(property = "glci.integrationTests", defaultValue = "false")
    protected boolean integrationTests;

    /** The AMI the integration tests run against. */
    @Parameter(property = "glci.amiId", defaultValue = "replaceme_aws")
    protected String amiId;

    /** The GCP image the integration tests run against. */
    @Parameter(property = "glci.gcpImageName", defaultValue = "replaceme_gcp")
    protected String gcpImageName;

    /**
     * The {@code github} credential whose technical user the integration tests clone with: it becomes the Secret
     * {@code github-com-user}, which {@code glci:apply} applies; it is never written to a file.
     */
    @Parameter(property = "glci.gitCredentials")
    protected String gitCredentials;

    @Override
    protected void run() {
        RenderOptions options = options();
        Rendering rendering = PipelineRenderer.render(options, reporter());
        List<Path> files = RenderedFiles.write(rendering, outputDirectory.toPath());
        long tasks = rendering.tekton().pipelines().stream().mapToLong(p -> p.tasks().size()
                + p.finallyTasks().size()).sum();
        getLog().info("glci: flavour set '" + rendering.flavourSet().name() + "': " + rendering.flavourCount()
                + " flavours; " + rendering.tekton().tasks().size() + " Tasks, "
                + rendering.tekton().pipelines().size() + " Pipelines with " + tasks + " pipeline tasks, "
                + rendering.tekton().pipelineRuns().size() + " PipelineRuns (tekton.dev/"
                + rendering.api().version() + ")");
        getLog().info("glci: wrote " + files.size() + " files to " + outputDirectory.toPath().toAbsolutePath()
                .normalize() + ":");
        files.forEach(f -> getLog().info("  " + f.getFileName()));
        if (!rendering.secrets().isEmpty()) {
            getLog().info("glci: " + rendering.secrets().size() + " Secret(s) with credentials are applied by"
                    + " glci:apply and not written to files");
        }
    }

    RenderOptions options() {
        RenderOptions.Builder builder = RenderOptions.builder(repoRoot())
                .flavourSet(parameter(flavourSet, "FLAVOUR_SET", RenderOptions.DEFAULT_FLAVOUR_SET))
                .tektonApi(valid("glci.tektonApi", () -> TektonApi.of(tektonApi)))
                .imageBuild(imageBuild)
                .packageBuild(packageBuild)
                .setup(setup)
                .namespace(parameter(namespace, "GARDENLINUX_TKN_WS", RenderOptions.DEFAULT_NAMESPACE))
                .committish(blankToNull(committish))
                .version(blankToNull(parameter(version, "VERSION", null)))
                .branch(parameter(branch, "BRANCH_NAME", RenderOptions.DEFAULT_BRANCH))
                .gitUrl(parameter(gitUrl, "GIT_URL", RenderOptions.DEFAULT_GIT_URL))
                .ociPath(parameter(ociPath, "OCI_PATH", RenderOptions.DEFAULT_OCI_PATH))
                .publishingActions(valid("glci.publishingActions", () -> PublishingActions.parse(parameter(
                        publishingActions, "PUBLISHING_ACTIONS", RenderOptions.DEFAULT_PUBLISHING_ACTIONS))))
                .buildType(valid("glci.buildType", () -> BuildType.fromWireValue(parameter(
                        buildType != null ? buildType : promoteTarget, "PROMOTE_TARGET",
                        BuildType.SNAPSHOT.wireValue()))))
                .cicdConfigName(cicdConfig)
                .credentials(credentialsMode())
                .stepImage(stepImage)
                .serviceAccountName(blankToNull(serviceAccount))
                .disableNotifications(disableNotifications)
                .integrationTests(integrationTests)
                .amiId(amiId)
                .gcpImageName(gcpImageName);
        if (gitCredentials != null && !gitCredentials.isBlank()) {
            builder.gitCredentials(credentials().github(gitCredentials.strip()));
        }
        if (additionalRecipients != null && !additionalRecipients.isBlank()) {
            builder.additionalRecipients(additionalRecipients);
        }
        if (onlyRecipients != null && !onlyRecipients.isBlank()) {
            builder.onlyRecipients(onlyRecipients);
        }
        if (packages != null) {
            builder.packages(commaList(packages));
        }
        if (kernelPackages != null) {
            builder.kernelPackages(commaList(kernelPackages));
        }
        return builder.build();
    }

    private StepCredentials credentialsMode() {
        String algorithm = parameter(secretCipherAlgorithm, "SECRET_CIPHER_ALGORITHM", null);
        if (algorithm != null && algorithm.strip().toUpperCase(Locale.ROOT).equals("PLAINTEXT")) {
            algorithm = null;
        }
        String endpoint = blankToNull(secretsServerEndpoint);
        if (endpoint == null) {
            Optional<String> documented = env("SECRETS_SERVER_ENDPOINT");
            Optional<String> readme = env("SECRET_SERVER_ENDPOINT");
            if (documented.isPresent()) {
                endpoint = documented.get();
                getLog().info("glci: secrets server from SECRETS_SERVER_ENDPOINT");
            } else if (readme.isPresent()) {
                endpoint = readme.get();
                getLog().info("glci: secrets server from SECRET_SERVER_ENDPOINT (the original README's name)");
            }
        }
        if (endpoint != null) {
            return StepCredentials.secretsServer(endpoint, algorithm);
        }
        return algorithm == null ? StepCredentials.secretVolume() : StepCredentials.encryptedSecretVolume(algorithm);
    }

    private static List<String> commaList(String value) {
        return Arrays.stream(value.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A parameter's parse failure as an error naming the parameter. */
    private static <T> T valid(String property, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new GlciException(property + ": " + e.getMessage());
        }
    }
}
