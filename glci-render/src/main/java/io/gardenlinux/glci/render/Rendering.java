package io.gardenlinux.glci.render;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.gardenlinux.glci.model.flavours.FlavourSet;
import io.gardenlinux.glci.render.tekton.TektonApi;
import io.gardenlinux.glci.render.tekton.TektonObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link PipelineRenderer#render}: validated Tekton objects and, on request, the cluster setup objects,
 * each with the file it is written to.
 *
 * @param api the Tekton API version rendered for
 * @param flavourSet the flavour set of the image build
 * @param tekton the typed Tekton objects
 * @param documents every object written to files, in apply order: setup objects, Tasks, Pipelines, PipelineRuns
 * @param secrets Secrets to apply before the Tasks (the integration tests' git credentials); they hold credentials,
 *     so they are never written to files
 */
public record Rendering(TektonApi api, FlavourSet flavourSet, TektonObjects tekton,
        List<RenderedDocument> documents, List<GenericKubernetesResource> secrets) {

    public Rendering {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(flavourSet, "flavourSet");
        Objects.requireNonNull(tekton, "tekton");
        documents = List.copyOf(documents);
        secrets = List.copyOf(secrets);
    }

    /** What {@code apply} creates or updates: setup objects, Secrets, Tasks and Pipelines, in that order. */
    public List<GenericKubernetesResource> kubernetesResources() {
        List<GenericKubernetesResource> resources = new ArrayList<>();
        documents.stream().filter(d -> d.fileName().startsWith("0")).map(RenderedDocument::toResource)
                .forEach(resources::add);
        resources.addAll(secrets);
        documents.stream().filter(d -> !d.fileName().startsWith("0") && !d.kind().equals("PipelineRun"))
                .map(RenderedDocument::toResource).forEach(resources::add);
        return resources;
    }

    /** The PipelineRuns, which start the builds when created. */
    public List<GenericKubernetesResource> pipelineRuns() {
        return documents.stream().filter(d -> d.kind().equals("PipelineRun")).map(RenderedDocument::toResource)
                .toList();
    }

    /** The number of flavour build tasks in the image build pipeline. */
    public int flavourCount() {
        return flavourSet.flavours().size();
    }
}
