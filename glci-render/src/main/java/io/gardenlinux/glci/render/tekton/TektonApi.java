package io.gardenlinux.glci.render.tekton;

import io.gardenlinux.glci.model.GlciException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Tekton API version objects are rendered for and glci talks to a cluster in: {@code tekton.dev/v1} (Tekton 0.43
 * and later, the default) or {@code tekton.dev/v1beta1} as Tekton 0.25 serves it (the original CI's target). Holds
 * what differs between them at run time too: where the resources live and which {@code spec.status} value cancels a
 * run.
 */
public enum TektonApi {
    V1("v1", "Cancelled"),
    V1BETA1("v1beta1", "PipelineRunCancelled");

    /** The API group of Tasks, Pipelines and PipelineRuns. */
    public static final String GROUP = "tekton.dev";

    private final String version;
    private final String cancelledStatus;

    TektonApi(String version, String cancelledStatus) {
        this.version = version;
        this.cancelledStatus = cancelledStatus;
    }

    /** {@code v1} or {@code v1beta1}. */
    public String version() {
        return version;
    }

    /** {@code tekton.dev/v1} or {@code tekton.dev/v1beta1}. */
    public String apiVersion() {
        return GROUP + "/" + version;
    }

    /** The API of that version ({@code v1}, {@code v1beta1}, with or without {@code tekton.dev/}). */
    public static TektonApi of(String version) {
        String bare = version.strip().toLowerCase(Locale.ROOT);
        if (bare.startsWith(GROUP + "/")) {
            bare = bare.substring(GROUP.length() + 1);
        }
        for (TektonApi api : values()) {
            if (api.version.equals(bare)) {
                return api;
            }
        }
        throw new IllegalArgumentException("unknown Tekton API version '" + version + "'; allowed: "
                + Arrays.stream(values()).map(TektonApi::version).collect(Collectors.joining(", ")));
    }

    /** The version of a resource's {@code apiVersion}, e.g. {@code tekton.dev/v1beta1}. */
    public static TektonApi fromApiVersion(String apiVersion) {
        for (TektonApi api : values()) {
            if (api.apiVersion().equals(apiVersion)) {
                return api;
            }
        }
        throw new GlciException("apiVersion '" + apiVersion + "' is not a Tekton API glci supports; allowed: "
                + V1.apiVersion() + ", " + V1BETA1.apiVersion());
    }

    /** The value of a PipelineRun's {@code spec.status} that cancels it in this version. */
    public String cancelledStatus() {
        return cancelledStatus;
    }

    /** Where the cluster serves PipelineRuns of this version. */
    public ResourceDefinitionContext pipelineRuns() {
        return context("PipelineRun", "pipelineruns");
    }

    /** Where the cluster serves TaskRuns of this version. */
    public ResourceDefinitionContext taskRuns() {
        return context("TaskRun", "taskruns");
    }

    /** Where the cluster serves Pipelines of this version. */
    public ResourceDefinitionContext pipelines() {
        return context("Pipeline", "pipelines");
    }

    /** Where the cluster serves Tasks of this version. */
    public ResourceDefinitionContext tasks() {
        return context("Task", "tasks");
    }

    private ResourceDefinitionContext context(String kind, String plural) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(GROUP)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }
}
