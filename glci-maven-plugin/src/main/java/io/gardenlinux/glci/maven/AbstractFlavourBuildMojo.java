package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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

    /** The target version, e.g. {@code 318.9} ({@code today}: today's epoch.0); falls back to {@code VERSION}. */
    @Parameter(property = "glci.version")
    protected String version;

    /** The full commit being built. */
    @Parameter(property = "glci.committish")
    protected String committish;

    /** The Garden Linux epoch. */
    @Parameter(property = "glci.epoch")
    protected String epoch;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.ARCHITECTURE, architecture)
                .put(GlciSettings.PLATFORM, platform)
                .put(GlciSettings.MODIFIERS, modifiers)
                .put(GlciSettings.VERSION, version)
                .put(GlciSettings.COMMITTISH, committish)
                .put(GlciSettings.EPOCH, epoch);
    }

    /** The release identifier of this flavour build, from the settings. */
    protected ReleaseIdentifier identifier() {
        return new ReleaseIdentifier(setting(GlciSettings.COMMITTISH), releaseVersion(), setting(GlciSettings.EPOCH),
                setting(GlciSettings.ARCHITECTURE), setting(GlciSettings.PLATFORM),
                settings().find(GlciSettings.MODIFIERS).orElse(List.of()));
    }

    /** The version the build is for, {@code today} resolved by the rule of a {@code VERSION} file. */
    protected String releaseVersion() {
        return setting(GlciSettings.VERSION).resolved(LocalDate.now(ZoneOffset.UTC));
    }
}
