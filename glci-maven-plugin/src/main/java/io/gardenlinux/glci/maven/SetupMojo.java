package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterConnection;
import io.gardenlinux.glci.cluster.RenderingApplier;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Puts the original README's cluster prerequisites into the cluster: the Namespace ({@code glci.namespace}), the
 * LimitRange {@code gardenlinux} and the ClusterRole {@code incluster-tektonaccess} bound to the namespace's
 * {@code default} ServiceAccount (which the {@code get-logs} step needs). Created or updated in place. Needs a
 * cluster and a namespace only, no Garden Linux checkout.
 */
@Mojo(name = "setup", requiresProject = false, threadSafe = true)
public class SetupMojo extends AbstractClusterMojo {

    @Override
    protected void run() {
        try (ClusterConnection connection = connect()) {
            reporter().info("Setting up " + connection.where());
            new RenderingApplier(connection, reporter()).applySetup();
        }
    }
}
