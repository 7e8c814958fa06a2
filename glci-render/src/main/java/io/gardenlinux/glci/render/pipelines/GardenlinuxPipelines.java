package io.gardenlinux.glci.render.pipelines;

import static io.gardenlinux.glci.render.tekton.Param.forward;

import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.flavours.Flavour;
import io.gardenlinux.glci.model.flavours.FlavourSet;
import io.gardenlinux.glci.model.flavours.FlavourTaskNames;
import io.gardenlinux.glci.render.tekton.Param;
import io.gardenlinux.glci.render.tekton.ParamSpec;
import io.gardenlinux.glci.render.tekton.Pipeline;
import io.gardenlinux.glci.render.tekton.PipelineTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Pipelines {@code gardenlinux-build} (one build task per flavour of a set after {@code build-baseimage},
 * promote after all builds, notify in {@code finally}) and {@code gl-packages-build} (one task per package and one
 * for the kernel packages after {@code build-baseimage}, notify in {@code finally}).
 */
public final class GardenlinuxPipelines {

    public static final String IMAGE_BUILD = "gardenlinux-build";
    public static final String PACKAGE_BUILD = "gl-packages-build";

    /** The original's timeout of a pipeline task. */
    static final Duration TASK_TIMEOUT = Duration.ofHours(1);
    /** One flavour's image build: longer than the original's hour, which builds outgrew. */
    static final Duration FLAVOUR_BUILD_TIMEOUT = Duration.ofHours(2);
    /** A package build runs for hours. */
    static final Duration PACKAGE_BUILD_TIMEOUT = Duration.ofHours(6);

    private static final String RECIPIENTS_DESCRIPTION = "see notify-task";

    private GardenlinuxPipelines() {
    }

    /** The image build of {@code flavourSet}. */
    public static Pipeline imageBuild(FlavourSet flavourSet, Reporter reporter) {
        List<ParamSpec> params = new ArrayList<>();
        for (String name : List.of("branch", "build_image", "gardenlinux_build_deb_image", "cicd_cfg_name",
                "committish", "flavourset", "gardenlinux_epoch", "giturl", "oci_path", "promote_target",
                "publishing_actions", "snapshot_timestamp", "version", "version_label", "disable_notifications")) {
            params.add(ParamSpec.required(name, null));
        }
        params.addAll(recipientParams());

        List<PipelineTask> tasks = new ArrayList<>();
        tasks.add(baseimage());
        Map<Flavour, String> names = FlavourTaskNames.assign(flavourSet.flavours(),
                Set.of(GardenlinuxTasks.BUILD_BASEIMAGE, GardenlinuxTasks.PROMOTE, GardenlinuxTasks.NOTIFY),
                reporter);
        for (Map.Entry<Flavour, String> flavour : names.entrySet()) {
            tasks.add(new PipelineTask(flavour.getValue(), GardenlinuxTasks.BUILD_GARDENLINUX, List.of(
                    forward("build_image"),
                    forward("cicd_cfg_name"),
                    forward("committish"),
                    forward("flavourset"),
                    forward("gardenlinux_epoch"),
                    forward("giturl"),
                    new Param("modifiers", flavour.getKey().modifiersParameter()),
                    new Param("platform", flavour.getKey().platform()),
                    forward("promote_target"),
                    forward("publishing_actions"),
                    forward("snapshot_timestamp"),
                    forward("version")),
                    List.of(GardenlinuxTasks.BUILD_BASEIMAGE), FLAVOUR_BUILD_TIMEOUT));
        }
        tasks.add(new PipelineTask(GardenlinuxTasks.PROMOTE, GardenlinuxTasks.PROMOTE, List.of(
                forward("branch"),
                forward("cicd_cfg_name"),
                forward("committish"),
                forward("flavourset"),
                forward("gardenlinux_epoch"),
                forward("publishing_actions"),
                forward("snapshot_timestamp"),
                forward("version"),
                forward("promote_target")),
                List.copyOf(names.values()), TASK_TIMEOUT));
        return new Pipeline(IMAGE_BUILD, "Builds the flavours of set '" + flavourSet.name() + "' ("
                + names.size() + " flavours) and promotes them.", params, tasks, List.of(notify(tasks)));
    }

    /** The package build of {@code packages} and, in one task, {@code kernelPackages}. */
    public static Pipeline packageBuild(List<String> packages, List<String> kernelPackages) {
        List<ParamSpec> params = new ArrayList<>();
        for (String name : List.of("branch", "gardenlinux_build_deb_image", "cicd_cfg_name", "committish",
                "gardenlinux_epoch", "giturl", "oci_path", "publishing_actions", "snapshot_timestamp", "version",
                "version_label", "disable_notifications")) {
            params.add(ParamSpec.required(name, null));
        }
        params.addAll(recipientParams());
        params.add(ParamSpec.optional("key_config_name", "the gpg_key credential that signs the packages",
                "gardenlinux"));

        List<PipelineTask> tasks = new ArrayList<>();
        tasks.add(baseimage());
        for (String pkg : packages) {
            tasks.add(new PipelineTask(packageTaskName(pkg), GardenlinuxTasks.BUILD_PACKAGES, List.of(
                    forward("giturl"),
                    forward("committish"),
                    forward("version_label"),
                    new Param("pkg_name", pkg),
                    forward("gardenlinux_build_deb_image"),
                    forward("key_config_name")),
                    List.of(GardenlinuxTasks.BUILD_BASEIMAGE), PACKAGE_BUILD_TIMEOUT));
        }
        if (!kernelPackages.isEmpty()) {
            tasks.add(new PipelineTask(GardenlinuxTasks.BUILD_KERNEL_PACKAGES, GardenlinuxTasks.BUILD_KERNEL_PACKAGES,
                    List.of(forward("giturl"),
                            forward("committish"),
                            forward("version_label"),
                            new Param("pkg_names", String.join(" ", kernelPackages)),
                            forward("gardenlinux_build_deb_image"),
                            forward("key_config_name")),
                    List.of(GardenlinuxTasks.BUILD_BASEIMAGE), PACKAGE_BUILD_TIMEOUT));
        }
        return new Pipeline(PACKAGE_BUILD, "Builds the Debian packages of Garden Linux.", params, tasks,
                List.of(notify(tasks)));
    }

    /** {@code build-package-<pkg>} with {@code _} and {@code .} as {@code -}: {@code python3.9} builds in {@code build-package-python3-9}. */
    public static String packageTaskName(String pkg) {
        return "build-package-" + pkg.replace('_', '-').replace('.', '-').toLowerCase(Locale.ROOT);
    }

    private static List<ParamSpec> recipientParams() {
        return List.of(ParamSpec.optional("additional_recipients", RECIPIENTS_DESCRIPTION, " "),
                ParamSpec.optional("only_recipients", RECIPIENTS_DESCRIPTION, " "));
    }

    private static PipelineTask baseimage() {
        return new PipelineTask(GardenlinuxTasks.BUILD_BASEIMAGE, GardenlinuxTasks.BUILD_BASEIMAGE, List.of(
                forward("giturl"),
                forward("committish"),
                forward("oci_path"),
                forward("version_label")),
                List.of(), TASK_TIMEOUT);
    }

    /** {@code notify-task} with the status of every task, which Tekton only allows in {@code finally}. */
    private static PipelineTask notify(List<PipelineTask> tasks) {
        return new PipelineTask(GardenlinuxTasks.NOTIFY, GardenlinuxTasks.NOTIFY, Stream.concat(Stream.of(
                forward("cicd_cfg_name"),
                forward("committish"),
                forward("disable_notifications"),
                forward("giturl"),
                forward("additional_recipients"),
                forward("only_recipients")), Stream.of(
                        new Param("status_dict_str", statusDict(tasks)),
                        new Param("namespace", "$(context.pipelineRun.namespace)"),
                        new Param("pipeline_name", "$(context.pipeline.name)"),
                        new Param("pipeline_run_name", "$(context.pipelineRun.name)"))).toList(),
                List.of(), TASK_TIMEOUT);
    }

    /**
     * {@code {"status_<task>": "$(tasks.<task>.status)", ...}} with Python's {@code json.dumps} separators, as the
     * original wrote it. Task names are DNS labels, so nothing needs escaping.
     */
    static String statusDict(List<PipelineTask> tasks) {
        return tasks.stream()
                .map(t -> "\"status_" + t.name() + "\": \"$(tasks." + t.name() + ".status)\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
