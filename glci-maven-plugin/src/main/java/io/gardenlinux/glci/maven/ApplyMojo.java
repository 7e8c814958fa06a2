package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterConnection;
import io.gardenlinux.glci.cluster.RenderingApplier;
import io.gardenlinux.glci.cluster.SecretSettings;
import io.gardenlinux.glci.render.Rendering;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders (as {@code glci:render}, files included) and puts the result into the cluster: with {@code glci.setup} the
 * Namespace, LimitRange and RBAC first; then the Secret {@code secrets} with the credentials of {@code ci/cfg}
 * (encrypted with {@code SECRET_CIPHER_ALGORITHM}/{@code SECRET_KEY}; none with a secrets server), the Tasks and
 * the Pipelines. Each object is created or updated in place; applying twice changes nothing the second time.
 */
@Mojo(name = "apply", requiresProject = false, threadSafe = true)
public class ApplyMojo extends RenderMojo {

    @Override
    protected void run() {
        try (ClusterConnection connection = connect()) {
            applyTo(connection);
        }
    }

    /** Renders, writes the files and applies the rendering to {@code connection}; {@code glci:trigger} starts with it. */
    protected Rendering applyTo(ClusterConnection connection) {
        SecretSettings secrets = secretSettings();
        Rendering rendering = render(secrets);
        new RenderingApplier(connection, reporter()).apply(rendering, this::credentials, secrets);
        return rendering;
    }
}
