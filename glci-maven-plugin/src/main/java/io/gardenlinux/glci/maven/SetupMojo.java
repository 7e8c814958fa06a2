package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterConnection;
import io.gardenlinux.glci.cluster.RenderingApplier;
import io.gardenlinux.glci.render.PipelineRenderer;
import io.gardenlinux.glci.render.Rendering;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Puts the original README's cluster prerequisites into the cluster: the Namespace ({@code glci.namespace}), the
 * LimitRange {@code gardenlinux} and the ClusterRole {@code incluster-tektonaccess} bound to the namespace's
 * {@code default} ServiceAccount (which the {@code get-logs} step needs). Created or updated in place.
 */
@Mojo(name = "setup", requiresProject = false, threadSafe = true)
public class SetupMojo extends ApplyMojo {

    @Override
    protected void run() {
        Rendering rendering = PipelineRenderer.render(options().toBuilder().setup(true).build(), reporter());
        try (ClusterConnection connection = ClusterConnection.open(clusterOptions())) {
            reporter().info("Setting up " + connection.where());
            new RenderingApplier(connection, reporter()).applySetup(rendering);
        }
    }
}
