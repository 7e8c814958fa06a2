package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.publish.packages.SigningKeyFile;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes the private key of a {@code gpg_key} credential to the file the package build signs with, owner-only. */
@Mojo(name = "write-key", requiresProject = false, threadSafe = true)
public class WriteKeyMojo extends AbstractGlciMojo {

    /** The {@code gpg_key} credential. */
    @Parameter(property = "glci.keyConfigName")
    protected String keyConfigName;

    /** Where to write the key; default {@code <repoRoot>/cert/private.key}. */
    @Parameter(property = "glci.keyFile")
    protected File keyFile;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.KEY_CONFIG_NAME, keyConfigName);
    }

    @Override
    protected void run() {
        Path file = keyFile != null ? keyFile.toPath() : repoRoot().resolve("cert").resolve("private.key");
        SigningKeyFile.write(credentials().gpgKey(setting(GlciSettings.KEY_CONFIG_NAME)), file, reporter());
    }
}
