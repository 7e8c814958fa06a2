package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterConnection;
import io.gardenlinux.glci.cluster.ClusterOptions;
import io.gardenlinux.glci.cluster.FollowOptions;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.render.tekton.TektonApi;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the cluster goals share: the cluster ({@code KUBECONFIG} or {@code glci.kubeconfig}, the current context or
 * {@code glci.context}), the namespace and the Tekton API version. {@code glci:render} shares the namespace and the
 * API version and never connects.
 */
public abstract class AbstractClusterMojo extends AbstractGlciMojo {

    /** The kubeconfig file; default {@code KUBECONFIG}, else {@code ~/.kube/config}, else the pod's account. */
    @Parameter(property = "glci.kubeconfig")
    protected File kubeconfig;

    /** The kubeconfig context; default its current context. */
    @Parameter(property = "glci.context")
    protected String context;

    /** The namespace of the pipelines and runs (env {@code GARDENLINUX_TKN_WS}, default {@code gardenlinux}). */
    @Parameter(property = "glci.namespace")
    protected String namespace;

    /** The Tekton API version: {@code v1} (Tekton 0.43 and later, the default) or {@code v1beta1} (Tekton 0.25). */
    @Parameter(property = "glci.tektonApi")
    protected String tektonApi;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.KUBECONFIG, kubeconfig)
                .put(GlciSettings.CONTEXT, context)
                .put(GlciSettings.NAMESPACE, namespace)
                .put(GlciSettings.TEKTON_API, tektonApi);
    }

    /** Opens the cluster. */
    protected ClusterConnection connect() {
        return ClusterConnection.open(clusterOptions());
    }

    protected ClusterOptions clusterOptions() {
        return new ClusterOptions(settings().find(GlciSettings.KUBECONFIG).map(Path::of),
                settings().find(GlciSettings.CONTEXT), setting(GlciSettings.NAMESPACE), tektonApi());
    }

    protected TektonApi tektonApi() {
        return TektonApi.of(setting(GlciSettings.TEKTON_API));
    }

    /** How to follow a run: all logs or only failed steps', and at most {@code glci.timeout} (0: the run's own). */
    protected FollowOptions followOptions(boolean allLogs) {
        return FollowOptions.defaults().withAllLogs(allLogs).withTimeout(settings().find(GlciSettings.TIMEOUT));
    }
}
