package io.gardenlinux.glci.render.pipelines;

import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.model.versions.GardenlinuxEpoch;
import io.gardenlinux.glci.model.versions.GardenlinuxVersion;
import io.gardenlinux.glci.render.RenderOptions;
import io.gardenlinux.glci.render.tekton.Param;
import io.gardenlinux.glci.render.tekton.PipelineRun;
import io.gardenlinux.glci.render.tekton.PodTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PipelineRuns of the image and the package build with the original's parameters and naming rule.
 *
 * @param options what to render
 * @param committish the commit to build
 * @param version the version to build
 * @param epoch the Garden Linux epoch of the {@code VERSION} file
 * @param publishingActions the actions, {@code manifests} first
 */
public record GardenlinuxPipelineRuns(RenderOptions options, String committish, String version, int epoch,
        PublishingActions publishingActions) {

    /** The longest run name the original made; Kubernetes allows 63. */
    public static final int MAX_RUN_NAME = 60;
    /** An image build: base images, the flavours in parallel, promote and notify. */
    static final Duration IMAGE_RUN_TIMEOUT = Duration.ofHours(6);
    /** A package build takes more than 4 hours (the original's README). */
    static final Duration PACKAGE_RUN_TIMEOUT = Duration.ofHours(12);

    /** The run of {@code gardenlinux-build}. */
    public PipelineRun imageBuild() {
        String versionLabel = GardenlinuxVersion.versionLabel(version, committish);
        List<Param> params = new ArrayList<>(common());
        params.addAll(List.of(
                new Param("cicd_cfg_name", options.cicdConfigName()),
                new Param("version", version),
                new Param("flavourset", options.flavourSet()),
                new Param("promote_target", options.buildType().wireValue()),
                new Param("publishing_actions", publishingActions.toParameter()),
                new Param("giturl", options.gitUrl()),
                new Param("oci_path", options.ociPath()),
                new Param("version_label", versionLabel),
                new Param("build_image", options.ociPath() + "/gardenlinux-build-image:" + versionLabel),
                new Param("gardenlinux_build_deb_image", options.ociPath() + "/gardenlinux-build-deb:" + versionLabel),
                new Param("additional_recipients", options.additionalRecipients()),
                new Param("only_recipients", options.onlyRecipients())));
        return new PipelineRun(runName(GardenlinuxPipelines.IMAGE_BUILD), GardenlinuxPipelines.IMAGE_BUILD, params,
                options.serviceAccountName(), new PodTemplate(Map.of(), null), IMAGE_RUN_TIMEOUT);
    }

    /** The run of {@code gl-packages-build}: as root, for 12 hours. */
    public PipelineRun packageBuild() {
        String versionLabel = GardenlinuxVersion.versionLabel(version, committish);
        List<Param> params = List.of(
                new Param("branch", options.branch()),
                new Param("committish", committish),
                new Param("additional_recipients", options.additionalRecipients()),
                new Param("only_recipients", options.onlyRecipients()),
                new Param("disable_notifications", pythonBoolean(options.disableNotifications())),
                new Param("gardenlinux_epoch", Integer.toString(epoch)),
                new Param("snapshot_timestamp", GardenlinuxEpoch.snapshotTimestamp(epoch)),
                new Param("cicd_cfg_name", options.cicdConfigName()),
                new Param("version", version),
                new Param("publishing_actions", publishingActions.toParameter()),
                new Param("giturl", options.gitUrl()),
                new Param("oci_path", options.ociPath()),
                new Param("version_label", versionLabel),
                new Param("gardenlinux_build_deb_image", options.ociPath() + "/gardenlinux-build-deb:" + versionLabel),
                new Param("key_config_name", "gardenlinux"));
        return new PipelineRun(runName(GardenlinuxPipelines.PACKAGE_BUILD), GardenlinuxPipelines.PACKAGE_BUILD,
                params, options.serviceAccountName(),
                new PodTemplate(Map.of(), new PodSecurityContextBuilder().withRunAsUser(0L).build()),
                PACKAGE_RUN_TIMEOUT);
    }

    private List<Param> common() {
        return List.of(
                new Param("branch", options.branch()),
                new Param("committish", committish),
                new Param("disable_notifications", pythonBoolean(options.disableNotifications())),
                new Param("gardenlinux_epoch", Integer.toString(epoch)),
                new Param("snapshot_timestamp", GardenlinuxEpoch.snapshotTimestamp(epoch)));
    }

    /** Python's {@code str(bool)}, which the original passed. */
    private static String pythonBoolean(boolean value) {
        return value ? "True" : "False";
    }

    /**
     * The original's rule: the first 11 characters of the pipeline's name, the publishing actions' abbreviations,
     * the version with {@code .} as {@code -}, the first 6 characters of the commit and the last 4 digits of the Unix
     * time, joined with {@code -} and cut to 60 characters. glci also lower-cases the name and strips a {@code -} the
     * cut leaves at the end, so that the name is always a valid DNS label.
     */
    String runName(String pipeline) {
        List<String> parts = new ArrayList<>();
        parts.add(pipeline.substring(0, Math.min(11, pipeline.length())));
        String abbreviation = publishingActions.abbreviation();
        if (!abbreviation.isEmpty()) {
            parts.add(abbreviation);
        }
        parts.add(version.replace('.', '-'));
        parts.add(committish.substring(0, Math.min(6, committish.length())));
        String seconds = Long.toString(options.now().getEpochSecond());
        parts.add(seconds.substring(Math.max(0, seconds.length() - 4)));
        String name = String.join("-", parts).toLowerCase(Locale.ROOT);
        if (name.length() > MAX_RUN_NAME) {
            name = name.substring(0, MAX_RUN_NAME);
        }
        while (name.endsWith("-")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }
}
