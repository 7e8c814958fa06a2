package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.SecretSettings;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.model.versions.GardenlinuxVersion;
import io.gardenlinux.glci.render.PipelineRenderer;
import io.gardenlinux.glci.render.RenderOptions;
import io.gardenlinux.glci.render.RenderedFiles;
import io.gardenlinux.glci.render.Rendering;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders the Tekton Tasks, the Pipelines {@code gardenlinux-build} and {@code gl-packages-build} and, with
 * {@code glci.imageBuild} / {@code glci.packageBuild}, their PipelineRuns from a Garden Linux checkout, validates
 * them and writes one YAML file per object to {@code glci.outputDirectory}. Needs no cluster: of the cluster
 * settings it uses only the namespace and the Tekton API version. With {@code SOURCE_DATE_EPOCH} (or
 * {@code glci.sourceDateEpoch}) the clock of the render is fixed, so that run names and every byte repeat.
 */
@Mojo(name = "render", requiresProject = false, threadSafe = true)
public class RenderMojo extends AbstractClusterMojo {

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

    /** Seconds since 1970 that fix the clock of the render (env {@code SOURCE_DATE_EPOCH}); default now. */
    @Parameter(property = "glci.sourceDateEpoch")
    protected String sourceDateEpoch;

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
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.FLAVOUR_SET, flavourSet)
                .put(GlciSettings.COMMITTISH, committish)
                .put(GlciSettings.VERSION, version)
                .put(GlciSettings.BRANCH, branch)
                .put(GlciSettings.GIT_URL, gitUrl)
                .put(GlciSettings.OCI_PATH, ociPath)
                .put(GlciSettings.PUBLISHING_ACTIONS, publishingActions)
                .put(GlciSettings.BUILD_TYPE, buildType != null ? buildType : promoteTarget)
                .put(GlciSettings.ONLY_RECIPIENTS, onlyRecipients)
                .put(GlciSettings.ADDITIONAL_RECIPIENTS, additionalRecipients)
                .put(GlciSettings.SECRETS_SERVER_ENDPOINT, secretsServerEndpoint)
                .put(GlciSettings.SECRET_CIPHER_ALGORITHM, secretCipherAlgorithm)
                .put(GlciSettings.SOURCE_DATE_EPOCH, sourceDateEpoch);
    }

    @Override
    protected void run() {
        Rendering rendering = render(secretSettings());
        long tasks = rendering.tekton().pipelines().stream().mapToLong(p -> p.tasks().size()
                + p.finallyTasks().size()).sum();
        reporter().info("glci: flavour set '" + rendering.flavourSet().name() + "': " + rendering.flavourCount()
                + " flavours; " + rendering.tekton().tasks().size() + " Tasks, "
                + rendering.tekton().pipelines().size() + " Pipelines with " + tasks + " pipeline tasks, "
                + rendering.tekton().pipelineRuns().size() + " PipelineRuns (tekton.dev/"
                + rendering.api().version() + ")");
        if (!rendering.secrets().isEmpty()) {
            reporter().info("glci: " + rendering.secrets().size() + " Secret(s) with credentials are applied by"
                    + " glci:apply and not written to files");
        }
    }

    /** Renders with the step credentials of {@code secrets}, validates and writes the files. */
    protected Rendering render(SecretSettings secrets) {
        Rendering rendering = PipelineRenderer.render(options(secrets), reporter());
        List<Path> files = RenderedFiles.write(rendering, outputDirectory.toPath());
        reporter().info("glci: wrote " + files.size() + " files to " + outputDirectory.toPath().toAbsolutePath()
                .normalize() + ":");
        files.forEach(f -> reporter().info("  " + f.getFileName()));
        return rendering;
    }

    /**
     * How steps get the credentials: the same rule as {@code glci:apply}'s ({@link SecretSettings#from}); the
     * variable that named a secrets server is reported.
     */
    protected SecretSettings secretSettings() {
        SecretSettings secrets = SecretSettings.from(settings());
        secrets.secretsServer().ifPresent(server -> reporter().info("glci: secrets server from "
                + server.variable()));
        return secrets;
    }

    RenderOptions options(SecretSettings secrets) {
        RenderOptions.Builder builder = RenderOptions.builder(repoRoot())
                .flavourSet(setting(GlciSettings.FLAVOUR_SET))
                .tektonApi(tektonApi())
                .imageBuild(imageBuild)
                .packageBuild(packageBuild)
                .setup(setup)
                .namespace(setting(GlciSettings.NAMESPACE))
                .committish(settings().find(GlciSettings.COMMITTISH).orElse(null))
                .version(settings().find(GlciSettings.VERSION).map(GardenlinuxVersion::value).orElse(null))
                .branch(setting(GlciSettings.BRANCH))
                .gitUrl(setting(GlciSettings.GIT_URL))
                .ociPath(setting(GlciSettings.OCI_PATH))
                .publishingActions(setting(GlciSettings.PUBLISHING_ACTIONS))
                .buildType(setting(GlciSettings.BUILD_TYPE))
                .cicdConfigName(setting(GlciSettings.CICD_CONFIG))
                .credentials(secrets.stepCredentials())
                .stepImage(stepImage)
                .serviceAccountName(serviceAccount == null || serviceAccount.isBlank() ? null : serviceAccount.strip())
                .disableNotifications(disableNotifications)
                .integrationTests(integrationTests)
                .amiId(amiId)
                .gcpImageName(gcpImageName)
                .now(settings().find(GlciSettings.SOURCE_DATE_EPOCH).orElseGet(Instant::now));
        if (gitCredentials != null && !gitCredentials.isBlank()) {
            builder.gitCredentials(credentials().github(gitCredentials.strip()));
        }
        settings().find(GlciSettings.ADDITIONAL_RECIPIENTS).ifPresent(builder::additionalRecipients);
        settings().find(GlciSettings.ONLY_RECIPIENTS).ifPresent(builder::onlyRecipients);
        if (packages != null) {
            builder.packages(commaList(packages));
        }
        if (kernelPackages != null) {
            builder.kernelPackages(commaList(kernelPackages));
        }
        return builder.build();
    }

    private static List<String> commaList(String value) {
        return Arrays.stream(value.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
