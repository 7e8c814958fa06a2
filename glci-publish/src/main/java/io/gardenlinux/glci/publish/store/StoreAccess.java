package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.model.credentials.AwsCredentials;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.publish.packages.PackageUploader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The buckets of a {@code cicd.yaml} configuration, opened on first use and closed together: the build-result bucket
 * ({@code build}) and the package bucket ({@code package_build}), each reached with the {@code aws} credential the
 * configuration names, through {@link GlciSettings#S3_ENDPOINT} when it is set, with
 * {@link GlciSettings#S3_CONCURRENCY} requests at once. Callers never see the AWS SDK.
 */
public final class StoreAccess implements AutoCloseable {

    private final CicdConfig config;
    private final Supplier<Credentials> credentials;
    private final SettingValues settings;
    private final Reporter reporter;
    private final List<S3Client> clients = new ArrayList<>();
    private BuildResultStore buildResults;

    private StoreAccess(CicdConfig config, Supplier<Credentials> credentials, SettingValues settings,
            Reporter reporter) {
        this.config = Objects.requireNonNull(config, "config");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    /** Access to the buckets of {@code config}; nothing is opened before it is used. */
    public static StoreAccess open(CicdConfig config, Supplier<Credentials> credentials, SettingValues settings,
            Reporter reporter) {
        return new StoreAccess(config, credentials, settings, reporter);
    }

    /** The build-result bucket of the configuration's {@code build} section. */
    public synchronized BuildResultStore buildResults() {
        if (buildResults == null) {
            CicdConfig.BuildConfig build = config.build();
            S3Client s3 = client(credentials.get().aws(build.awsCfgName()), build.awsRegion(),
                    settings.get(GlciSettings.S3_CONCURRENCY) * 2);
            buildResults = new BuildResultStore(s3, build.s3BucketName(), reporter);
        }
        return buildResults;
    }

    /** The package bucket of the configuration's {@code package_build} section. */
    public synchronized PackageUploader packages() {
        CicdConfig.PackageBuildConfig packageBuild = config.packageBuild().orElseThrow(() -> new GlciException(
                "No package-build config found in cicd-config " + config.name()));
        AwsCredentials aws = credentials.get().aws(packageBuild.awsCfgName());
        return new PackageUploader(client(aws, aws.region(), 2), packageBuild.s3BucketName(), reporter);
    }

    private S3Client client(AwsCredentials aws, String region, int maxConnections) {
        S3Client s3 = S3Clients.create(S3Connection.of(aws, region, settings.find(GlciSettings.S3_ENDPOINT)),
                maxConnections);
        clients.add(s3);
        return s3;
    }

    @Override
    public synchronized void close() {
        clients.forEach(S3Client::close);
        clients.clear();
    }
}
