package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterOptions;
import io.gardenlinux.glci.cluster.FollowOptions;
import io.gardenlinux.glci.render.tekton.GoDuration;
import io.gardenlinux.glci.render.tekton.TektonApi;
import java.io.File;
import java.time.Duration;
import java.util.Optional;

/** Turns the cluster parameters the cluster goals share into the libraries' options. */
final class ClusterParameters {

    private ClusterParameters() {
    }

    /** The cluster and namespace; {@code namespace} is already resolved against {@code GARDENLINUX_TKN_WS}. */
    static ClusterOptions options(File kubeconfig, String context, String namespace, String tektonApi) {
        return new ClusterOptions(Optional.ofNullable(kubeconfig).map(File::toPath),
                Optional.ofNullable(context).filter(c -> !c.isBlank()), namespace,
                TektonApi.of(tektonApi));
    }

    /** How to follow a run: {@code glci.logs}, {@code glci.timeout} (e.g. {@code 6h}, {@code 90m}; 0: none). */
    static FollowOptions follow(boolean logs, String timeout) {
        Optional<Duration> limit = Optional.ofNullable(timeout).filter(t -> !t.isBlank())
                .map(t -> GoDuration.parse(t, "glci.timeout"));
        return FollowOptions.defaults().withAllLogs(logs).withTimeout(limit);
    }
}
