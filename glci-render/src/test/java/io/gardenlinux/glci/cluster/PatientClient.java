package io.gardenlinux.glci.cluster;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The tests' fabric8 clients wait as long as a loaded machine needs: fabric8's defaults (10 s to connect, 10 s for an
 * answer) were hit on a machine with a load average of 10, where the mock API server's event loop stalled. Every
 * wait of the tests ends on an event, so a generous limit costs nothing when things go well. For
 * {@code @EnableKubernetesMockClient(kubernetesClientBuilderCustomizer = PatientClient.class)} and
 * {@code server.createClient(new PatientClient())}.
 */
public final class PatientClient implements Consumer<KubernetesClientBuilder> {

    /** How long a test waits at most for something that normally takes milliseconds. */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    @Override
    public void accept(KubernetesClientBuilder builder) {
        builder.editOrNewConfig()
                .withConnectionTimeout((int) PATIENCE.toMillis())
                .withRequestTimeout((int) PATIENCE.toMillis())
                .endConfig();
    }
}
