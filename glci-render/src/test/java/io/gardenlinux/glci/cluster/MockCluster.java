package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/** Prepares fabric8's mock API server (CRUD mode) as a cluster with Tekton installed and glci's namespace. */
final class MockCluster {

    static final String NAMESPACE = "gardenlinux";

    private MockCluster() {
    }

    /** Registers Tekton's kinds in both API versions for discovery and creates the namespace. */
    static void installTekton(KubernetesMockServer server, KubernetesClient client, TektonApi... apis) {
        for (TektonApi api : apis) {
            for (ResourceDefinitionContext context : new ResourceDefinitionContext[] {api.pipelineRuns(),
                    api.taskRuns(), api.pipelines(), api.tasks()}) {
                server.expectCustomResource(new CustomResourceDefinitionContext.Builder()
                        .withGroup(context.getGroup())
                        .withVersion(context.getVersion())
                        .withKind(context.getKind())
                        .withPlural(context.getPlural())
                        .withScope("Namespaced")
                        .build());
            }
        }
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).create();
    }

    static ClusterConnection connect(KubernetesClient client, TektonApi api) {
        return ClusterConnection.of(client, NAMESPACE, api);
    }
}
