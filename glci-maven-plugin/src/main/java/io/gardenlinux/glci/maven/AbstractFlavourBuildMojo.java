package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.flavours.Architecture;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import java.util.Arrays;
import org.apache.maven.plugins.annotations.Parameter;

/** The identity of one flavour build: architecture, platform, modifiers, version, commit and epoch. */
public abstract class AbstractFlavourBuildMojo extends AbstractStoreMojo {

    /** The flavour's architecture, e.g. {@code amd64}. */
    @Parameter(property = "glci.architecture")
    protected String architecture;

    /** The flavour's platform, e.g. {@code aws}. */
    @Parameter(property = "glci.platform")
    protected String platform;

    /** The flavour's modifiers, comma-separated (empty parts are dropped). */
    @Parameter(property = "glci.modifiers")
    protected String modifiers;

    /** The target version, e.g. {@code 318.9}; falls back to {@code VERSION}. */
    @Parameter(property = "glci.version")
    protected String version;

    /** The full commit being built. */
    @Parameter(property = "glci.committish")
    protected String committish;

    /** The Garden Linux epoch. */
    @Parameter(property = "glci.epoch")
    protected String epoch;

    /** The release identifier of this flavour build, from the parameters. */
    protected ReleaseIdentifier identifier() {
        Architecture arch = Architecture.find(required(architecture, "glci.architecture", null))
                .orElseThrow(() -> new IllegalArgumentException("glci.architecture=" + architecture
                        + ": allowed: " + Architecture.allowed()));
        return new ReleaseIdentifier(required(committish, "glci.committish", null),
                required(version, "glci.version", "VERSION"), integer(required(epoch, "glci.epoch", null),
                        "glci.epoch"), arch, required(platform, "glci.platform", null),
                modifiers == null ? java.util.List.of()
                        : Arrays.stream(modifiers.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList());
    }
}
