package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.publish.packages.PackageUploader;
import io.gardenlinux.glci.publish.store.S3Clients;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.s3.S3Client;

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
        CicdConfig config = cicdConfig();
        var packageBuild = config.packageBuild().orElseThrow(() -> new GlciException(
                "No package-build config found in cicd-config " + config.name()));
        var aws = credentials().aws(packageBuild.awsCfgName());
        try (S3Client s3 = S3Clients.create(connection(packageBuild.awsCfgName(), aws.region()), 2)) {
            new PackageUploader(s3, packageBuild.s3BucketName(), reporter()).upload(packageDir.toPath(),
                    packagePathPrefix);
        }
    }
}
