package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.WireValue;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The Tekton API version glci talks to a cluster in (the renderer's
 * {@link io.gardenlinux.glci.render.tekton.TektonApi} names the version it renders for; this adds what the cluster
 * client needs): {@code tekton.dev/v1} (current Tekton) or
 * {@code tekton.dev/v1beta1} (Tekton v0.25, the original's). Holds what differs between them at run time: where
 * the resources live and which {@code spec.status} value cancels a run.
 */
public enum TektonApi implements WireValue {
    V1("v1", "Cancelled"),
    V1BETA1("v1beta1", "PipelineRunCancelled");

    /** The API group of every Tekton resource. */
    public static final String GROUP = "tekton.dev";

    private final String version;
    private final String cancelledStatus;

    TektonApi(String version, String cancelledStatus) {
        this.version = version;
        this.cancelledStatus = cancelledStatus;
    }

    @Override
    public String wireValue() {
        return version;
    }

    /** {@code tekton.dev/<version>}. */
    public String apiVersion() {
        return GROUP + "/" + version;
    }

    /** The value of a PipelineRun's {@code spec.status} that cancels it in this version. */
    public String cancelledStatus() {
        return cancelledStatus;
    }

    /** The version written as in {@code glci.tektonApi}: {@code v1} or {@code v1beta1}. */
    public static TektonApi fromWireValue(String value) {
        return WireValue.find(TektonApi.class, value).orElseThrow(() -> new GlciException(
                "glci.tektonApi '" + value + "' is not supported; allowed: " + WireValue.allowed(TektonApi.class)));
    }

    /** The same version as the renderer's. */
    public static TektonApi of(io.gardenlinux.glci.render.tekton.TektonApi rendered) {
        return fromWireValue(rendered.version());
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

    public ResourceDefinitionContext pipelineRuns() {
        return context("PipelineRun", "pipelineruns");
    }

    public ResourceDefinitionContext taskRuns() {
        return context("TaskRun", "taskruns");
    }

    public ResourceDefinitionContext pipelines() {
        return context("Pipeline", "pipelines");
    }

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
