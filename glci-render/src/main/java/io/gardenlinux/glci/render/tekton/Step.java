package io.gardenlinux.glci.render.tekton;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Objects;

/**
 * One step of a Task: a container that runs a script. Parameter values reach the script through {@code env}, never
 * spliced into the script text.
 *
 * @param name the step's name, a DNS label unique in its Task
 * @param image the container image
 * @param script the script, starting with a {@code #!} line
 * @param env the environment
 * @param volumeMounts the volumes mounted into the container
 * @param resources requests and limits, or null (written as {@code resources} for v1beta1, {@code computeResources}
 *     for v1)
 * @param securityContext the container's security context, or null
 */
public record Step(String name, String image, String script, List<EnvVar> env, List<VolumeMount> volumeMounts,
        ResourceRequirements resources, SecurityContext securityContext) {

    public Step {
        Objects.requireNonNull(name, "name");
        env = List.copyOf(env);
        volumeMounts = List.copyOf(volumeMounts);
    }

    /** A step with only an image, a script and an environment. */
    public static Step of(String name, String image, String script, List<EnvVar> env, List<VolumeMount> mounts) {
        return new Step(name, image, script, env, mounts, null, null);
    }
}
