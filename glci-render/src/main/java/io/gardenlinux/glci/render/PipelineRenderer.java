package io.gardenlinux.glci.render;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.build.PublishingAction;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.flavours.FlavourSet;
import io.gardenlinux.glci.model.flavours.FlavoursFile;
import io.gardenlinux.glci.model.versions.GardenlinuxVersion;
import io.gardenlinux.glci.render.pipelines.ClusterSetup;
import io.gardenlinux.glci.render.pipelines.GardenlinuxPipelineRuns;
import io.gardenlinux.glci.render.pipelines.GardenlinuxPipelines;
import io.gardenlinux.glci.render.pipelines.GardenlinuxTasks;
import io.gardenlinux.glci.render.pipelines.IntegrationTests;
import io.gardenlinux.glci.render.tekton.Pipeline;
import io.gardenlinux.glci.render.tekton.PipelineRun;
import io.gardenlinux.glci.render.tekton.TektonDocument;
import io.gardenlinux.glci.render.tekton.TektonObjects;
import io.gardenlinux.glci.render.tekton.TektonValidator;
import io.gardenlinux.glci.render.tekton.TektonWire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the Tekton objects that build Garden Linux from a checkout: the six Tasks, the Pipelines
 * {@code gardenlinux-build} and {@code gl-packages-build}, on request their PipelineRuns and the cluster setup
 * objects. Everything is validated ({@link TektonValidator}) before it is returned.
 *
 * <pre>
 * Rendering rendering = PipelineRenderer.render(RenderOptions.builder(checkout).imageBuild(true).build());
 * client.resourceList(rendering.kubernetesResources()).serverSideApply();
 * </pre>
 */
public final class PipelineRenderer {

    private PipelineRenderer() {
    }

    /** Renders silently. */
    public static Rendering render(RenderOptions options) {
        return render(options, Reporter.silent());
    }

    /**
     * Renders and validates. Bad input (a broken {@code flavours.yaml}, an unknown set, an object Tekton would
     * refuse) is an {@link InvalidInputException} naming the file or document, the entry and what is allowed.
     */
    public static Rendering render(RenderOptions options, Reporter reporter) {
        Path root = options.repoRoot();
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException(new Problem(root.toString(), "", "not a directory; "
                    + GlciSettings.REPO_ROOT.mention() + " must be a Garden Linux checkout holding flavours.yaml,"
                    + " features/ and VERSION"));
        }
        FeatureGraph features = FeatureGraph.load(root.resolve("features"));
        FlavourSet flavourSet = FlavoursFile.read(root.resolve("flavours.yaml"), features)
                .flavourSet(options.flavourSet());
        // the original's rules: a version given is passed as it is and the epoch comes from the VERSION file; 'today'
        // means the same wherever it is written, today's epoch and <that epoch>.0
        GardenlinuxVersion file = GardenlinuxVersion.read(root.resolve("VERSION"));
        GardenlinuxVersion given = options.version() == null ? null : new GardenlinuxVersion(options.version());
        LocalDate today = LocalDate.ofInstant(options.now(), ZoneOffset.UTC);
        int epoch = (given != null && given.isToday() ? given : file).epoch(today);
        String version = (given != null ? given : file).resolved(today);
        // the original always added manifests to the actions given
        PublishingActions actions = PublishingActions.of(PublishingAction.MANIFESTS).with(
                options.publishingActions().actions().toArray(PublishingAction[]::new));

        List<io.gardenlinux.glci.render.tekton.Task> tasks = new ArrayList<>(new GardenlinuxTasks(options).all());
        List<Pipeline> pipelines = new ArrayList<>(List.of(GardenlinuxPipelines.imageBuild(flavourSet, reporter),
                GardenlinuxPipelines.packageBuild(options.packages(), options.kernelPackages())));
        if (options.integrationTests()) {
            tasks.add(IntegrationTests.task());
            pipelines.add(IntegrationTests.pipeline());
        }
        List<PipelineRun> runs = new ArrayList<>();
        if (options.imageBuild() || options.packageBuild()) {
            String committish = options.committish() != null ? options.committish() : GitHead.of(root);
            GardenlinuxPipelineRuns runFactory = new GardenlinuxPipelineRuns(options, committish, version, epoch,
                    actions);
            if (options.imageBuild()) {
                runs.add(runFactory.imageBuild());
            }
            if (options.packageBuild()) {
                runs.add(runFactory.packageBuild());
            }
            if (options.imageBuild() && options.integrationTests()) {
                runs.add(IntegrationTests.run(committish, options.gitUrl(), options.amiId(), options.gcpImageName(),
                        options.now()));
            }
        }
        TektonObjects tekton = new TektonObjects(tasks, pipelines, runs);
        TektonValidator.check(tekton, options.tektonApi());

        List<RenderedDocument> documents = new ArrayList<>();
        if (options.setup()) {
            List<HasMetadata> setup = ClusterSetup.objects(options.namespace());
            for (int i = 0; i < setup.size(); i++) {
                HasMetadata object = setup.get(i);
                documents.add(new RenderedDocument(String.format(Locale.ROOT, "%02d-%s-%s.yaml", i,
                        object.getKind().toLowerCase(Locale.ROOT), object.getMetadata().getName()),
                        object.getKind(), object.getMetadata().getName(), TektonWire.toMap(object)));
            }
        }
        tekton.documents().forEach(d -> documents.add(document(d, options)));
        List<GenericKubernetesResource> secrets = new ArrayList<>();
        if (options.gitCredentials() != null) {
            secrets.add(RenderedDocument.toResource(TektonWire.toMap(
                    IntegrationTests.gitCredentialsSecret(options.gitCredentials()))));
        }
        return new Rendering(options.tektonApi(), flavourSet, tekton, documents, secrets);
    }

    /** {@code 10-task-<name>.yaml}, {@code 20-pipeline-<name>.yaml}, {@code 30-pipelinerun-<pipeline>.yaml}. */
    private static RenderedDocument document(TektonDocument document, RenderOptions options) {
        String file;
        if (document instanceof PipelineRun run) {
            file = "30-pipelinerun-" + run.pipelineRef() + ".yaml";
        } else if (document instanceof Pipeline) {
            file = "20-pipeline-" + document.name() + ".yaml";
        } else {
            file = "10-task-" + document.name() + ".yaml";
        }
        return new RenderedDocument(file, document.kind(), document.name(),
                TektonWire.toMap(document, options.tektonApi()));
    }
}
