package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterConnection;
import io.gardenlinux.glci.cluster.ClusterOptions;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that work on existing runs share: the cluster ({@code KUBECONFIG} or {@code glci.kubeconfig}, the
 * current context or {@code glci.context}), the namespace and the Tekton API version.
 */
public abstract class AbstractClusterMojo extends AbstractGlciMojo {

    /** The kubeconfig file; default {@code KUBECONFIG}, else {@code ~/.kube/config}, else the pod's account. */
    @Parameter(property = "glci.kubeconfig")
    protected File kubeconfig;

    /** The kubeconfig context; default its current context. */
    @Parameter(property = "glci.context")
    protected String context;

    /** The namespace of the runs (env {@code GARDENLINUX_TKN_WS}, default {@code gardenlinux}). */
    @Parameter(property = "glci.namespace")
    protected String namespace;

    /** The Tekton API version: {@code v1} (Tekton 0.43 and later) or {@code v1beta1} (Tekton 0.25). */
    @Parameter(property = "glci.tektonApi", defaultValue = "v1")
    protected String tektonApi;

    /** Opens the cluster. */
    protected ClusterConnection connect() {
        return ClusterConnection.open(clusterOptions());
    }

    ClusterOptions clusterOptions() {
        return ClusterParameters.options(kubeconfig, context,
                parameter(namespace, "GARDENLINUX_TKN_WS", ClusterOptions.DEFAULT_NAMESPACE), tektonApi);
    }

    /** {@code glci.run}, required by the goals that work on one run. */
    protected static String requiredRun(String run) {
        if (run == null || run.isBlank()) {
            throw new io.gardenlinux.glci.model.GlciException("glci.run is not set; name the PipelineRun with"
                    + " -Dglci.run=NAME (kubectl get pipelineruns lists them)");
        }
        return run.strip();
    }
}
