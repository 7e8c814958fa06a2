package io.gardenlinux.glci.render.tekton;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pod settings of a PipelineRun's TaskRuns.
 *
 * @param nodeSelector node labels the pods must run on
 * @param securityContext the pods' security context, or null
 */
public record PodTemplate(Map<String, String> nodeSelector, PodSecurityContext securityContext) {

    public PodTemplate {
        nodeSelector = java.util.Collections.unmodifiableMap(new TreeMap<>(nodeSelector));
    }
}
