package io.gardenlinux.glci.render;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.model.credentials.GithubCredentials;
import io.gardenlinux.glci.render.tekton.TektonApi;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to render and with which values. Build with {@link #builder(Path)}; every value has the original CI's default.
 *
 * @param repoRoot the Garden Linux checkout ({@code flavours.yaml}, {@code features/}, {@code VERSION})
 * @param flavourSet the flavour set the image build pipeline builds
 * @param tektonApi the Tekton API version to render for
 * @param imageBuild render the PipelineRun of the image build
 * @param packageBuild render the PipelineRun of the package build
 * @param setup render the cluster prerequisites (Namespace, LimitRange, RBAC)
 * @param namespace the namespace of the setup objects
 * @param committish the commit to build, or null for the checkout's HEAD
 * @param version the version to build, or null for the one in the {@code VERSION} file
 * @param branch the branch the commit is on
 * @param gitUrl the repository the steps clone
 * @param ociPath the registry path of the base images
 * @param publishingActions what the runs publish; {@code manifests} is always added, as the original did
 * @param buildType the promote target of the image build
 * @param cicdConfigName the configuration in {@code ci/cicd.yaml} the steps use
 * @param credentials how steps reach the credentials
 * @param packages the packages the package build builds, one task each
 * @param kernelPackages the kernel packages the package build builds one after another in one task
 * @param stepImage the image of the steps that run glci goals (JDK 17 and Maven 3.9)
 * @param disableNotifications whether the runs send no mail
 * @param additionalRecipients mail addresses added to the notification, blank for none
 * @param onlyRecipients mail addresses that replace the notification's recipients, blank for none
 * @param serviceAccountName the service account of the runs' pods, or null for the namespace's {@code default}
 * @param now the time of rendering: the last digits of run names, and the epoch when {@code VERSION} is
 *     {@code today}
 * @param integrationTests also render the integration tests' Task, Pipeline and (with {@code imageBuild}) a run
 * @param amiId the AMI the integration tests run against
 * @param gcpImageName the GCP image the integration tests run against
 * @param gitCredentials the {@code github} credential the integration tests clone with, rendered as the Secret
 *     {@code github-com-user} (applied, never written to a file), or null
 */
public record RenderOptions(Path repoRoot, String flavourSet, TektonApi tektonApi, boolean imageBuild,
        boolean packageBuild, boolean setup, String namespace, String committish, String version, String branch,
        String gitUrl, String ociPath, PublishingActions publishingActions, BuildType buildType,
        String cicdConfigName, StepCredentials credentials, List<String> packages, List<String> kernelPackages,
        String stepImage, boolean disableNotifications, String additionalRecipients, String onlyRecipients,
        String serviceAccountName, Instant now, boolean integrationTests, String amiId, String gcpImageName,
        GithubCredentials gitCredentials) {

    public static final String DEFAULT_FLAVOUR_SET = GlciSettings.FLAVOUR_SET.defaultValue().orElseThrow();
    public static final String DEFAULT_NAMESPACE = GlciSettings.NAMESPACE.defaultValue().orElseThrow();
    public static final String DEFAULT_BRANCH = GlciSettings.BRANCH.defaultValue().orElseThrow();
    public static final String DEFAULT_GIT_URL = GlciSettings.GIT_URL.defaultValue().orElseThrow();
    public static final String DEFAULT_OCI_PATH = GlciSettings.OCI_PATH.defaultValue().orElseThrow();
    public static final String DEFAULT_PUBLISHING_ACTIONS = GlciSettings.PUBLISHING_ACTIONS.defaultValue().orElseThrow();
    public static final String DEFAULT_CICD_CONFIG = GlciSettings.CICD_CONFIG.defaultValue().orElseThrow();
    /** A public image with JDK 17 and Maven 3.9: what rendered steps run glci goals in. */
    public static final String DEFAULT_STEP_IMAGE = "maven:3.9-eclipse-temurin-17";
    /** The packages of the original's package build, in its order. */
    public static final List<String> DEFAULT_PACKAGES = List.of("apt", "cyrus-sasl2", "dracut",
            "google-compute-engine", "google-compute-engine-oslogin", "google-guest-agent", "ignition", "iproute2",
            "pam", "python3.9");
    /** The kernel packages of the original's package build. */
    public static final List<String> DEFAULT_KERNEL_PACKAGES = List.of("linux-5.10", "linux-5.10-signed");

    public RenderOptions {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(flavourSet, "flavourSet");
        Objects.requireNonNull(tektonApi, "tektonApi");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(gitUrl, "gitUrl");
        Objects.requireNonNull(ociPath, "ociPath");
        Objects.requireNonNull(publishingActions, "publishingActions");
        Objects.requireNonNull(buildType, "buildType");
        Objects.requireNonNull(cicdConfigName, "cicdConfigName");
        Objects.requireNonNull(credentials, "credentials");
        packages = List.copyOf(packages);
        kernelPackages = List.copyOf(kernelPackages);
        Objects.requireNonNull(stepImage, "stepImage");
        Objects.requireNonNull(additionalRecipients, "additionalRecipients");
        Objects.requireNonNull(onlyRecipients, "onlyRecipients");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(amiId, "amiId");
        Objects.requireNonNull(gcpImageName, "gcpImageName");
    }

    /** The defaults of the original CI for the checkout at {@code repoRoot}. */
    public static Builder builder(Path repoRoot) {
        return new Builder(repoRoot);
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder(repoRoot);
        b.flavourSet = flavourSet;
        b.tektonApi = tektonApi;
        b.imageBuild = imageBuild;
        b.packageBuild = packageBuild;
        b.setup = setup;
        b.namespace = namespace;
        b.committish = committish;
        b.version = version;
        b.branch = branch;
        b.gitUrl = gitUrl;
        b.ociPath = ociPath;
        b.publishingActions = publishingActions;
        b.buildType = buildType;
        b.cicdConfigName = cicdConfigName;
        b.credentials = credentials;
        b.packages = packages;
        b.kernelPackages = kernelPackages;
        b.stepImage = stepImage;
        b.disableNotifications = disableNotifications;
        b.additionalRecipients = additionalRecipients;
        b.onlyRecipients = onlyRecipients;
        b.serviceAccountName = serviceAccountName;
        b.now = now;
        b.integrationTests = integrationTests;
        b.amiId = amiId;
        b.gcpImageName = gcpImageName;
        b.gitCredentials = gitCredentials;
        return b;
    }

    /** Builds {@link RenderOptions}; unset values keep the original CI's defaults. */
    public static final class Builder {
        private final Path repoRoot;
        private String flavourSet = DEFAULT_FLAVOUR_SET;
        private TektonApi tektonApi = TektonApi.V1;
        private boolean imageBuild;
        private boolean packageBuild;
        private boolean setup;
        private String namespace = DEFAULT_NAMESPACE;
        private String committish;
        private String version;
        private String branch = DEFAULT_BRANCH;
        private String gitUrl = DEFAULT_GIT_URL;
        private String ociPath = DEFAULT_OCI_PATH;
        private PublishingActions publishingActions = PublishingActions.parse(DEFAULT_PUBLISHING_ACTIONS);
        private BuildType buildType = BuildType.SNAPSHOT;
        private String cicdConfigName = DEFAULT_CICD_CONFIG;
        private StepCredentials credentials = StepCredentials.secretVolume();
        private List<String> packages = DEFAULT_PACKAGES;
        private List<String> kernelPackages = DEFAULT_KERNEL_PACKAGES;
        private String stepImage = DEFAULT_STEP_IMAGE;
        private boolean disableNotifications;
        private String additionalRecipients = " ";
        private String onlyRecipients = " ";
        private String serviceAccountName;
        private Instant now = Instant.now();
        private boolean integrationTests;
        private String amiId = "replaceme_aws";
        private String gcpImageName = "replaceme_gcp";
        private GithubCredentials gitCredentials;

        private Builder(Path repoRoot) {
            this.repoRoot = Objects.requireNonNull(repoRoot, "repoRoot");
        }

        public Builder flavourSet(String value) {
            flavourSet = value;
            return this;
        }

        public Builder tektonApi(TektonApi value) {
            tektonApi = value;
            return this;
        }

        public Builder imageBuild(boolean value) {
            imageBuild = value;
            return this;
        }

        public Builder packageBuild(boolean value) {
            packageBuild = value;
            return this;
        }

        public Builder setup(boolean value) {
            setup = value;
            return this;
        }

        public Builder namespace(String value) {
            namespace = value;
            return this;
        }

        public Builder committish(String value) {
            committish = value;
            return this;
        }

        public Builder version(String value) {
            version = value;
            return this;
        }

        public Builder branch(String value) {
            branch = value;
            return this;
        }

        public Builder gitUrl(String value) {
            gitUrl = value;
            return this;
        }

        public Builder ociPath(String value) {
            ociPath = value;
            return this;
        }

        public Builder publishingActions(PublishingActions value) {
            publishingActions = value;
            return this;
        }

        public Builder buildType(BuildType value) {
            buildType = value;
            return this;
        }

        public Builder cicdConfigName(String value) {
            cicdConfigName = value;
            return this;
        }

        public Builder credentials(StepCredentials value) {
            credentials = value;
            return this;
        }

        public Builder packages(List<String> value) {
            packages = value;
            return this;
        }

        public Builder kernelPackages(List<String> value) {
            kernelPackages = value;
            return this;
        }

        public Builder stepImage(String value) {
            stepImage = value;
            return this;
        }

        public Builder disableNotifications(boolean value) {
            disableNotifications = value;
            return this;
        }

        public Builder additionalRecipients(String value) {
            additionalRecipients = value;
            return this;
        }

        public Builder onlyRecipients(String value) {
            onlyRecipients = value;
            return this;
        }

        public Builder serviceAccountName(String value) {
            serviceAccountName = value;
            return this;
        }

        public Builder now(Instant value) {
            now = value;
            return this;
        }

        public Builder integrationTests(boolean value) {
            integrationTests = value;
            return this;
        }

        public Builder amiId(String value) {
            amiId = value;
            return this;
        }

        public Builder gcpImageName(String value) {
            gcpImageName = value;
            return this;
        }

        public Builder gitCredentials(GithubCredentials value) {
            gitCredentials = value;
            return this;
        }

        public RenderOptions build() {
            return new RenderOptions(repoRoot, flavourSet, tektonApi, imageBuild, packageBuild, setup, namespace,
                    committish, version, branch, gitUrl, ociPath, publishingActions, buildType, cicdConfigName,
                    credentials, packages, kernelPackages, stepImage, disableNotifications, additionalRecipients,
                    onlyRecipients, serviceAccountName, now, integrationTests, amiId, gcpImageName, gitCredentials);
        }
    }
}
