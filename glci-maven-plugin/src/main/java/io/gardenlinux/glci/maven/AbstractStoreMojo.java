package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.model.credentials.AwsCredentials;
import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.publish.store.BuildResultStore;
import io.gardenlinux.glci.publish.store.S3Clients;
import io.gardenlinux.glci.publish.store.S3Connection;
import java.net.URI;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the goals on the build-result store share: the S3 connection from the {@code aws} credential that
 * {@code cicd.yaml}'s {@code build} section names, an optional endpoint override for S3-compatible stores, the feature
 * tree of the checkout, and reading of required parameters.
 */
public abstract class AbstractStoreMojo extends AbstractGlciMojo {

    /**
     * An S3 endpoint instead of AWS's, e.g. {@code http://127.0.0.1:8081}; buckets are then addressed path-style.
     * Falls back to {@code AWS_ENDPOINT_URL_S3}, then {@code AWS_ENDPOINT_URL}.
     */
    @Parameter(property = "glci.s3Endpoint")
    protected String s3Endpoint;

    /** Parallel requests to S3. */
    @Parameter(property = "glci.s3Concurrency", defaultValue = "8")
    protected int s3Concurrency;

    /** The {@code aws} credential and region of {@code config} and the endpoint override. */
    protected S3Connection connection(String awsCfgName, String region) {
        AwsCredentials aws = credentials().aws(awsCfgName);
        String endpoint = parameter(s3Endpoint, "AWS_ENDPOINT_URL_S3", env("AWS_ENDPOINT_URL").orElse(null));
        Optional<URI> uri = Optional.ofNullable(endpoint).map(e -> {
            try {
                return URI.create(e);
            } catch (IllegalArgumentException x) {
                throw new GlciException("glci.s3Endpoint=" + e + ": not a URI such as http://127.0.0.1:8081");
            }
        });
        return S3Connection.of(aws, region, uri);
    }

    /** A client for the build-result bucket of the selected configuration. */
    protected S3Client buildClient(CicdConfig config) {
        return S3Clients.create(connection(config.build().awsCfgName(), config.build().awsRegion()),
                Math.max(s3Concurrency, 1) * 2);
    }

    protected BuildResultStore store(CicdConfig config, S3Client s3) {
        return new BuildResultStore(s3, config.build().s3BucketName(), reporter());
    }

    /** The feature tree of the checkout ({@code <repoRoot>/features}). */
    protected FeatureGraph features() {
        return FeatureGraph.load(repoRoot().resolve("features"));
    }

    /** A parameter that must be given (property, or the environment variable when there is one). */
    protected String required(String configured, String property, String environmentVariable) {
        String value = environmentVariable == null ? (configured == null || configured.isBlank() ? null : configured)
                : parameter(configured, environmentVariable, null);
        if (value == null) {
            throw new GlciException(property + " is not set: pass -D" + property + "=..."
                    + (environmentVariable == null ? "" : " or set " + environmentVariable));
        }
        return value;
    }

    protected static int integer(String value, String property) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new GlciException(property + "=" + value + ": not a whole number");
        }
    }

    protected PublishingActions publishingActions(String configured) {
        return PublishingActions.parse(parameter(configured, "PUBLISHING_ACTIONS", "build_only"));
    }
}
