package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.publish.store.StoreAccess;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Uploads the built packages of {@code <glci.packageDir>/main} to the package bucket of {@code cicd.yaml}'s
 * {@code package_build} as {@code <glci.packagePathPrefix>/main/<relative path without '+'>}.
 */
@Mojo(name = "upload-packages", requiresProject = false, threadSafe = true)
public class UploadPackagesMojo extends AbstractStoreMojo {

    /** The package build's output folder; its {@code main/} is uploaded. */
    @Parameter(property = "glci.packageDir", defaultValue = "/workspace/pool")
    protected File packageDir;

    /** The key prefix in the package bucket. */
    @Parameter(property = "glci.packagePathPrefix", defaultValue = "packages/pool")
    protected String packagePathPrefix;

    @Override
    protected void run() {
        try (StoreAccess stores = stores()) {
            stores.packages().upload(packageDir.toPath(), packagePathPrefix);
        }
    }
}
