package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.cluster.ClusterConnection;
import io.gardenlinux.glci.cluster.ClusterOptions;
import io.gardenlinux.glci.cluster.RenderingApplier;
import io.gardenlinux.glci.cluster.SecretSettings;
import io.gardenlinux.glci.render.PipelineRenderer;
import io.gardenlinux.glci.render.RenderOptions;
import io.gardenlinux.glci.render.RenderedFiles;
import io.gardenlinux.glci.render.Rendering;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders (as {@code glci:render}, files included) and puts the result into the cluster: with {@code glci.setup} the
 * Namespace, LimitRange and RBAC first; then the Secret {@code secrets} with the credentials of {@code ci/cfg}
 * (encrypted with {@code SECRET_CIPHER_ALGORITHM}/{@code SECRET_KEY}; none with a secrets server), the Tasks and
 * the Pipelines. Each object is created or updated in place; applying twice changes nothing the second time.
 */
@Mojo(name = "apply", requiresProject = false, threadSafe = true)
public class ApplyMojo extends RenderMojo {

    /** The kubeconfig file; default {@code KUBECONFIG}, else {@code ~/.kube/config}, else the pod's account. */
    @Parameter(property = "glci.kubeconfig")
    protected File kubeconfig;

    /** The kubeconfig context; default its current context. */
    @Parameter(property = "glci.context")
    protected String context;

    @Override
    protected void run() {
        SecretSettings secrets = secretSettings();
        Rendering rendering = render(secrets);
        try (ClusterConnection connection = ClusterConnection.open(clusterOptions())) {
            new RenderingApplier(connection, reporter()).apply(rendering, this::credentials, secrets);
        }
    }

    /** Renders with the step credentials of {@code secrets} and writes the files, as {@code glci:render} does. */
    protected Rendering render(SecretSettings secrets) {
        RenderOptions options = options().toBuilder().credentials(secrets.stepCredentials()).build();
        Rendering rendering = PipelineRenderer.render(options, reporter());
        RenderedFiles.write(rendering, outputDirectory.toPath());
        reporter().info("Rendered " + rendering.documents().size() + " documents to " + outputDirectory);
        return rendering;
    }

    /**
     * The secrets settings: {@code glci.secretsServerEndpoint} or {@code SECRETS_SERVER_ENDPOINT} /
     * {@code SECRET_SERVER_ENDPOINT}; {@code glci.secretCipherAlgorithm} or {@code SECRET_CIPHER_ALGORITHM}; the key
     * only from the environment ({@code SECRET_KEY}), never from a command line.
     */
    protected SecretSettings secretSettings() {
        return SecretSettings.fromEnvironment(name -> {
            if (name.equals(SecretSettings.SECRETS_SERVER_ENDPOINT)) {
                return Optional.ofNullable(parameter(secretsServerEndpoint, name, null));
            }
            if (name.equals(SecretSettings.SECRET_CIPHER_ALGORITHM)) {
                return Optional.ofNullable(parameter(secretCipherAlgorithm, name, null));
            }
            return env(name);
        });
    }

    protected ClusterOptions clusterOptions() {
        return ClusterParameters.options(kubeconfig, context,
                parameter(namespace, "GARDENLINUX_TKN_WS", ClusterOptions.DEFAULT_NAMESPACE), tektonApi);
    }
}
