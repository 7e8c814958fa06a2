package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.render.tekton.TektonApi;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cluster and namespace to work in.
 *
 * @param kubeconfig a kubeconfig file; empty: fabric8's usual lookup ({@code KUBECONFIG}, {@code ~/.kube/config},
 *     in-cluster service account)
 * @param context a context of the kubeconfig; empty: its current context
 * @param namespace the namespace of everything glci creates
 * @param tektonApi the Tekton API version to use
 */
public record ClusterOptions(Optional<Path> kubeconfig, Optional<String> context, String namespace,
        TektonApi tektonApi) {

    /** The original's default namespace ({@code GARDENLINUX_TKN_WS}). */
    public static final String DEFAULT_NAMESPACE = GlciSettings.NAMESPACE.defaultValue().orElseThrow();

    public ClusterOptions {
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(tektonApi, "tektonApi");
    }
}
