package io.gardenlinux.glci.render.pipelines;

import static io.gardenlinux.glci.render.pipelines.StepFactory.GoalArg.param;
import static io.gardenlinux.glci.render.tekton.ParamSpec.optional;
import static io.gardenlinux.glci.render.tekton.ParamSpec.required;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.gardenlinux.glci.render.RenderOptions;
import io.gardenlinux.glci.render.pipelines.StepFactory.GoalArg;
import io.gardenlinux.glci.render.tekton.ParamSpec;
import io.gardenlinux.glci.render.tekton.Step;
import io.gardenlinux.glci.render.tekton.Task;
import io.gardenlinux.glci.render.tekton.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The six Tasks of the original CI, with its parameter names and defaults: {@code build-baseimage},
 * {@code build-gardenlinux-task}, {@code build-kernel-packages}, {@code build-packages},
 * {@code promote-gardenlinux-task} and {@code notify-task}. Steps that ran the original's Python run glci goals;
 * steps that ran Garden Linux's own build scripts run them as before.
 */
public final class GardenlinuxTasks {

    public static final String BUILD_BASEIMAGE = "build-baseimage";
    public static final String BUILD_GARDENLINUX = "build-gardenlinux-task";
    public static final String BUILD_KERNEL_PACKAGES = "build-kernel-packages";
    public static final String BUILD_PACKAGES = "build-packages";
    public static final String PROMOTE = "promote-gardenlinux-task";
    public static final String NOTIFY = "notify-task";

    /** The Task result promote writes the manifest set's key to. */
    public static final String MANIFEST_SET_KEY_RESULT = "manifest_set_key_result";

    static final String REPO_DIR_DEFAULT = "/workspace/gardenlinux_git";
    static final String GITHUB_URL = "https://github.com/gardenlinux/gardenlinux.git";
    static final String KANIKO_IMAGE = "gcr.io/kaniko-project/executor:v1.23.2-debug";
    static final String GOLANG_IMAGE = "golang:1.22-bookworm";
    /** The Secret (type {@code kubernetes.io/dockerconfigjson}, optional) kaniko pushes the base images with. */
    static final String REGISTRY_SECRET = "registry-credentials";
    static final String BASE_IMAGES_TO_BUILD = "/workspace/base_images_to_build";

    private final RenderOptions options;
    private final StepFactory steps;

    public GardenlinuxTasks(RenderOptions options) {
        this.options = options;
        this.steps = new StepFactory(options.credentials());
    }

    /** The six Tasks, in the original's order. */
    public List<Task> all() {
        return List.of(buildBaseimage(), buildGardenlinux(), buildKernelPackages(), buildPackages(), promote(),
                notifyTask());
    }

    private ParamSpec repoDir() {
        return optional("repo_dir", "where the Garden Linux repository is cloned to", REPO_DIR_DEFAULT);
    }

    private ParamSpec glciImage() {
        return optional(StepFactory.GLCI_IMAGE, "the image (JDK 17 and Maven 3.9) the glci goals run in",
                options.stepImage());
    }

    private ParamSpec cicdConfig() {
        return optional("cicd_cfg_name", "the configuration in ci/cicd.yaml", "default");
    }

    private static GoalArg repoRoot() {
        return param("glci.repoRoot", "repo_dir");
    }

    private static GoalArg cicdConfigArg() {
        return param("glci.cicdConfig", "cicd_cfg_name");
    }

    /** The base images build, build-deb and build-image, built with kaniko where the registry lacks them. */
    public Task buildBaseimage() {
        List<ParamSpec> params = List.of(
                optional("committish", "commit to build", "master"),
                optional("giturl", "Garden Linux git repository", GITHUB_URL),
                optional("oci_path", "path in the OCI registry where the images are pushed to",
                        "eu.gcr.io/gardener-project/test/gardenlinux-test"),
                repoDir(),
                optional("version_label", "the tag of the images", "latest"),
                glciImage(),
                optional("kaniko_image", "the kaniko executor image (a debug variant: it has a shell)",
                        KANIKO_IMAGE));
        List<GoalArg> imageArgs = List.of(repoRoot(), param("glci.ociPath", "oci_path"),
                param("glci.versionLabel", "version_label"));
        List<GoalArg> checkArgs = new ArrayList<>(imageArgs);
        checkArgs.add(new GoalArg("glci.baseImagesToBuild", "BASE_IMAGES_TO_BUILD", BASE_IMAGES_TO_BUILD));
        VolumeMount registryMount = new VolumeMountBuilder().withName(REGISTRY_SECRET)
                .withMountPath("/kaniko/.docker").withReadOnly(true).build();
        List<EnvVar> kanikoEnv = new ArrayList<>(StepFactory.paramEnv("repo_dir", "oci_path", "version_label"));
        kanikoEnv.add(new EnvVar("BASE_IMAGES_TO_BUILD", BASE_IMAGES_TO_BUILD, null));
        Step kaniko = Step.of("basebuild", "$(params.kaniko_image)", """
                #!/busybox/sh
                set -eu
                # the images check-base-images found missing, in build order: build, build-deb, build-image
                while read -r name; do
                  [ -n "${name}" ] || continue
                  if [ "${name}" = "build-deb" ]; then
                    base="${OCI_PATH}/gardenlinux-build:${VERSION_LABEL}"
                  else
                    base="debian:testing-slim"
                  fi
                  echo "building ${OCI_PATH}/gardenlinux-${name}:${VERSION_LABEL} from ${base}"
                  /kaniko/executor --cleanup \\
                    --context "${REPO_DIR}/docker/${name}" \\
                    --dockerfile "${REPO_DIR}/docker/${name}/Dockerfile" \\
                    --build-arg "build_base_image=${base}" \\
                    --destination "${OCI_PATH}/gardenlinux-${name}:${VERSION_LABEL}"
                done < "${BASE_IMAGES_TO_BUILD}"
                """, kanikoEnv, List.of(registryMount));
        List<Volume> volumes = new ArrayList<>(steps.credentialVolumes());
        volumes.add(new VolumeBuilder().withName(REGISTRY_SECRET).withNewSecret().withSecretName(REGISTRY_SECRET)
                .withOptional(true).withItems(new KeyToPathBuilder().withKey(".dockerconfigjson").withPath("config.json").build()).endSecret()
                .build());
        return new Task(BUILD_BASEIMAGE, "Builds the base images build, build-deb and build-image where the registry"
                + " does not have them yet, and tags them latest.", params, List.of(), List.of(
                        steps.cloneRepo(),
                        steps.goal("check-base-images", "check-base-images", checkArgs),
                        kaniko,
                        steps.goal("tag-base-images", "tag-base-images", imageArgs)),
                volumes);
    }

    /** One flavour's image: the "already built" check, the privileged build, the upload of the results. */
    public Task buildGardenlinux() {
        List<ParamSpec> params = List.of(
                optional("architecture", "the CPU architecture to build for", "amd64"),
                required("build_image", "the image the build runs in (gardenlinux-build-image)"),
                cicdConfig(),
                optional("committish", "commit to build", "master"),
                optional("flavourset", "the flavour set the flavour belongs to", "all"),
                optional("giturl", "Garden Linux git repository", GITHUB_URL),
                required("gardenlinux_epoch", "the Garden Linux epoch, the day of the Debian snapshot"),
                required("modifiers", "the flavour's normalised modifiers, comma separated"),
                optional("outfile", "the build's result archive", "/workspace/gardenlinux.out"),
                required("platform", "the flavour's platform"),
                optional("promote_target", "the build type: snapshot, daily or release", "snapshot"),
                optional("publishing_actions", "comma-separated publishing actions", "manifests"),
                repoDir(),
                required("snapshot_timestamp", "the Debian snapshot's day, YYYYMMDD"),
                optional("suite", "the Debian suite", "bullseye"),
                required("version", "the version to build"),
                glciImage());
        List<GoalArg> flavourArgs = List.of(repoRoot(), cicdConfigArg(),
                param("glci.architecture", "architecture"),
                param("glci.platform", "platform"),
                param("glci.modifiers", "modifiers"),
                param("glci.version", "version"),
                param("glci.committish", "committish"),
                param("glci.epoch", "gardenlinux_epoch"),
                param("glci.publishingActions", "publishing_actions"));
        List<GoalArg> uploadArgs = new ArrayList<>(flavourArgs);
        uploadArgs.add(param("glci.resultFile", "outfile"));
        Step build = new Step("build-image", "$(params.build_image)", """
                #!/usr/bin/env bash
                set -euo pipefail
                if [ -f /workspace/skip_build ]; then
                  echo "found /workspace/skip_build - skipping build"
                  exit 0
                fi
                export OUT_FILE="${OUTFILE}"
                "${REPO_DIR}/bin/garden-build.sh" \\
                  --arch "${ARCHITECTURE}" \\
                  --commitid "${COMMITTISH}" \\
                  --suite "${SUITE}" \\
                  --gardenversion "${VERSION}" \\
                  --features "${PLATFORM},${MODIFIERS}"
                if [ ! -f "${OUT_FILE}" ]; then
                  echo "no archive was created - see build log above for errors"
                  exit 1
                fi
                tar tf "${OUT_FILE}"
                """,
                StepFactory.paramEnv("repo_dir", "outfile", "architecture", "committish", "suite", "version",
                        "platform", "modifiers", "gardenlinux_epoch", "snapshot_timestamp"),
                List.of(new VolumeMountBuilder().withName("dev").withMountPath("/dev").build(),
                        new VolumeMountBuilder().withName("build").withMountPath("/build").build()),
                new ResourceRequirementsBuilder().withRequests(Map.of("memory", new Quantity("1Gi")))
                        .withLimits(Map.of("memory", new Quantity("1.5Gi"))).build(),
                new SecurityContextBuilder().withPrivileged(true).withAllowPrivilegeEscalation(true)
                        .withCapabilities(new Capabilities(List.of("SYS_ADMIN"), List.of())).build());
        List<Volume> volumes = new ArrayList<>(steps.credentialVolumes());
        volumes.add(new VolumeBuilder().withName("dev").withNewHostPath().withPath("/dev").withType("Directory")
                .endHostPath().build());
        volumes.add(new VolumeBuilder().withName("build").withNewEmptyDir().withMedium("Memory").endEmptyDir()
                .build());
        return new Task(BUILD_GARDENLINUX, "Builds one flavour's image unless it was built before, and uploads the"
                + " results and the release manifest.", params, List.of(), List.of(
                        steps.cloneRepo(),
                        steps.goal("prebuild-step", "prebuild", flavourArgs),
                        build,
                        steps.goal("upload-results", "upload-results", uploadArgs)),
                volumes);
    }

    /** The kernel packages, built one after another. */
    public Task buildKernelPackages() {
        return packageTask(BUILD_KERNEL_PACKAGES, "pkg_names",
                "the kernel packages to build, separated by commas or spaces", """
                #!/usr/bin/env bash
                set -euo pipefail
                if [ -z "${PKG_NAMES// /}" ]; then
                  echo "ERROR: no package name given"
                  exit 1
                fi
                export WORKDIR=/workspace
                sudo apt-get install -y --no-install-recommends wget quilt vim less
                df -h
                for pkg in ${PKG_NAMES//,/ }; do
                """ + packageBuild("  ", "${pkg}") + """
                done
                df -h
                """);
    }

    /** One package. */
    public Task buildPackages() {
        return packageTask(BUILD_PACKAGES, "pkg_name", "the package to build", """
                #!/usr/bin/env bash
                set -euo pipefail
                if [ -z "${PKG_NAME}" ]; then
                  echo "ERROR: no package name given"
                  exit 1
                fi
                """ + packageBuild("", "${PKG_NAME}"));
    }

    /** The commands that build one package {@code pkg} (a shell expression) with the given indentation. */
    private static String packageBuild(String indent, String pkg) {
        String text = """
                manual="${REPO_DIR}/packages/manual"
                if [ ! -e "${manual}/%1$s" ]; then
                  echo "ERROR: Don't know how to build %1$s"
                  exit 1
                fi
                export DEBFULLNAME="Garden Linux Maintainers" DEBEMAIL="contact@gardenlinux.io"
                export BUILDIMAGE=gardenlinux/build-deb BUILDKERNEL=gardenlinux/build-kernel
                export CERTDIR="${REPO_DIR}/cert"
                ln -sfn "${manual}" /workspace/manual
                ln -sfn /../Makefile.inside /workspace/Makefile
                for file in sign.pub kernel.full kernel.crt kernel.key; do
                  sudo ln -sf "${CERTDIR}/${file}" "/${file}"
                done
                gpg --batch --import "${CERTDIR}/sign.pub"
                export BUILDTARGET="${OUT_PATH:-/workspace/pool}"
                mkdir -p "${BUILDTARGET}"
                (cd /workspace && "manual/%1$s")
                """.formatted(pkg);
        StringBuilder indented = new StringBuilder();
        text.lines().forEach(line -> indented.append(indent).append(line).append('\n'));
        return indented.toString();
    }

    private Task packageTask(String name, String packagesParam, String packagesDescription, String buildScript) {
        List<ParamSpec> params = List.of(
                optional("cfssl_git_url", "cfssl git url to clone", "https://github.com/cloudflare/cfssl.git"),
                optional("cfssl_committish", "cfssl branch to clone", "master"),
                optional("cfssl_dir", "git working dir to clone and build cfssl", "/workspace/cfssl"),
                optional("cfssl_fastpath", "true: download the cfssl release binaries instead of building them",
                        "false"),
                cicdConfig(),
                optional("committish", "commit to build", "master"),
                required("gardenlinux_build_deb_image", "the image packages are built in (gardenlinux-build-deb)"),
                optional("giturl", "Garden Linux git repository", GITHUB_URL),
                optional("key_config_name", "the gpg_key credential that signs the packages", "gardenlinux"),
                required(packagesParam, packagesDescription),
                repoDir(),
                optional("package_path_s3_prefix", "the key prefix of the packages in the bucket", "packages/pool"),
                required("version_label", "the tag of the base images"),
                glciImage(),
                optional("golang_image", "the image cfssl and the certificates are built in", GOLANG_IMAGE));
        Step cloneCfssl = Step.of("clone-step-cfssl", "$(params.golang_image)", """
                #!/usr/bin/env bash
                set -euo pipefail
                git clone "${CFSSL_GIT_URL}" "${CFSSL_DIR}"
                git -C "${CFSSL_DIR}" checkout "${CFSSL_COMMITTISH}"
                """, StepFactory.paramEnv("cfssl_git_url", "cfssl_dir", "cfssl_committish"), List.of());
        Step buildCfssl = Step.of("build-cfssl-step", "$(params.golang_image)", """
                #!/usr/bin/env bash
                set -euo pipefail
                if [ -f "${REPO_DIR}/cert/private.key" ]; then
                  gpg --batch --import "${REPO_DIR}/cert/private.key"
                fi
                mkdir -p "${REPO_DIR}/cert/cfssl"
                if [ "${CFSSL_FASTPATH}" = "true" ]; then
                  for binary in cfssl cfssl-bundle cfssl-certinfo cfssl-newkey cfssl-scan cfssljson mkbundle multirootca; do
                    curl -fsSL --retry 3 -o "${REPO_DIR}/cert/cfssl/${binary}" \\
                      "https://github.com/cloudflare/cfssl/releases/download/v1.5.0/${binary}_1.5.0_linux_amd64"
                    chmod +x "${REPO_DIR}/cert/cfssl/${binary}"
                  done
                else
                  make -C "${CFSSL_DIR}"
                  mv "${CFSSL_DIR}"/bin/* "${REPO_DIR}/cert/cfssl/"
                fi
                rm -rf "${CFSSL_DIR}"
                """, StepFactory.paramEnv("repo_dir", "cfssl_fastpath", "cfssl_dir"), List.of());
        Step buildCert = Step.of("build-cert", "$(params.golang_image)", """
                #!/usr/bin/env bash
                set -euo pipefail
                if [ -f "${REPO_DIR}/cert/private.key" ]; then
                  gpg --batch --import "${REPO_DIR}/cert/private.key"
                fi
                make -C "${REPO_DIR}/cert"
                """, StepFactory.paramEnv("repo_dir"), List.of());
        Step buildPackage = Step.of("build-package", "$(params.gardenlinux_build_deb_image)", buildScript,
                StepFactory.paramEnv("repo_dir", packagesParam), List.of());
        return new Task(name, "Builds Debian packages of Garden Linux and uploads them to the package bucket.",
                params, List.of(), List.of(
                        steps.cloneRepo(),
                        cloneCfssl,
                        steps.goal("write-key", "write-key", List.of(repoRoot(), cicdConfigArg(),
                                param("glci.keyConfigName", "key_config_name"))),
                        buildCfssl,
                        buildCert,
                        buildPackage,
                        steps.goal("upload-packages-s3", "upload-packages", List.of(repoRoot(), cicdConfigArg(),
                                param("glci.packagePathPrefix", "package_path_s3_prefix")))),
                steps.credentialVolumes());
    }

    /** After all builds: the manifest set, then the release branch. */
    public Task promote() {
        List<ParamSpec> params = List.of(
                required("branch", "the branch the commit is on"),
                required("cicd_cfg_name", "the configuration in ci/cicd.yaml"),
                required("committish", "the commit that was built"),
                required("flavourset", "the flavour set that was built"),
                required("gardenlinux_epoch", "the Garden Linux epoch"),
                optional("giturl", "Garden Linux git repository", GITHUB_URL),
                optional("promote_target", "the build type: snapshot, daily or release", "snapshot"),
                required("publishing_actions", "comma-separated publishing actions"),
                repoDir(),
                required("snapshot_timestamp", "the Debian snapshot's day, YYYYMMDD"),
                required("version", "the version that was built"),
                glciImage());
        return new Task(PROMOTE, "Writes the manifest set of the flavour set's builds and cuts or updates the"
                + " release branch.", params,
                List.of(new TaskResult(MANIFEST_SET_KEY_RESULT, "the key of the manifest set written")),
                List.of(steps.cloneRepo(),
                        steps.goal("finalise-promotion-step", "finalise-promotion", List.of(repoRoot(),
                                cicdConfigArg(),
                                param("glci.flavourSet", "flavourset"),
                                param("glci.committish", "committish"),
                                param("glci.version", "version"),
                                param("glci.epoch", "gardenlinux_epoch"),
                                param("glci.publishingActions", "publishing_actions"),
                                param("glci.buildType", "promote_target"),
                                new GoalArg("glci.resultPath", "RESULT_PATH",
                                        "$(results." + MANIFEST_SET_KEY_RESULT + ".path)"))),
                        steps.goal("release-step", "release", List.of(repoRoot(), cicdConfigArg(),
                                param("glci.publishingActions", "publishing_actions"),
                                param("glci.epoch", "gardenlinux_epoch"),
                                param("glci.committish", "committish"),
                                param("glci.gitUrl", "giturl"),
                                param("glci.branch", "branch")))),
                steps.credentialVolumes());
    }

    /** In {@code finally}: the logs of the run and the mail with every task's status. */
    public Task notifyTask() {
        List<ParamSpec> params = List.of(
                required("additional_recipients", "mail addresses added to the recipients, blank for none"),
                cicdConfig(),
                optional("committish", "the commit that was built", "main"),
                optional("disable_notifications", "true: send no mail", "false"),
                optional("giturl", "Garden Linux git repository", GITHUB_URL),
                required("only_recipients", "mail addresses that replace the recipients, blank for none"),
                repoDir(),
                optional("status_dict_str", "a JSON object: status_<task> to the task's status", "{}"),
                required("namespace", "the namespace of the run"),
                required("pipeline_name", "the name of the pipeline"),
                required("pipeline_run_name", "the name of the run"),
                glciImage());
        return new Task(NOTIFY, "Collects the run's logs and mails its outcome.", params, List.of(), List.of(
                steps.cloneRepo(),
                steps.goal("get-logs", "get-logs", List.of(repoRoot(),
                        param("glci.namespace", "namespace"),
                        param("glci.run", "pipeline_run_name"))),
                steps.goal("notify-status", "notify", List.of(repoRoot(), cicdConfigArg(),
                        param("glci.statusDict", "status_dict_str"),
                        param("glci.onlyRecipients", "only_recipients"),
                        param("glci.additionalRecipients", "additional_recipients"),
                        param("glci.disableNotifications", "disable_notifications"),
                        param("glci.namespace", "namespace"),
                        param("glci.pipelineName", "pipeline_name"),
                        param("glci.run", "pipeline_run_name"),
                        param("glci.gitUrl", "giturl"),
                        param("glci.committish", "committish")))),
                steps.credentialVolumes());
    }
}
