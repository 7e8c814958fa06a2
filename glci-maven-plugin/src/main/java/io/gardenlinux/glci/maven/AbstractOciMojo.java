package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.publish.oci.OciRegistries;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * What the base image goals share: the registries ({@link OciAccess}) and required parameters.
 */
abstract class AbstractOciMojo extends AbstractGlciMojo {

    /** The registries; the caller closes them. */
    protected OciRegistries registries() {
        return OciAccess.registries(this);
    }

    /** A required parameter's value, or a failure naming the property and the environment variable. */
    protected String required(String configured, String property, String environmentVariable)
            throws MojoExecutionException {
        String value = environmentVariable != null ? parameter(configured, environmentVariable, null) : configured;
        if (value == null || value.isBlank()) {
            throw new MojoExecutionException("missing " + property
                    + (environmentVariable != null ? " (or environment variable " + environmentVariable + ")" : ""));
        }
        return value;
    }
}
