package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.publish.store.StoreAccess;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals on the build-result store share: the buckets of {@code cicd.yaml} ({@link StoreAccess}), an optional
 * endpoint override for S3-compatible stores, and the feature tree of the checkout.
 */
public abstract class AbstractStoreMojo extends AbstractGlciMojo {

    /**
     * An S3 endpoint instead of AWS's, e.g. {@code http://127.0.0.1:8081}; buckets are then addressed path-style.
     * Falls back to {@code AWS_ENDPOINT_URL_S3}, then {@code AWS_ENDPOINT_URL}.
     */
    @Parameter(property = "glci.s3Endpoint")
    protected String s3Endpoint;

    /** Parallel requests to S3 (1 to 64, default 8). */
    @Parameter(property = "glci.s3Concurrency")
    protected String s3Concurrency;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.S3_ENDPOINT, s3Endpoint).put(GlciSettings.S3_CONCURRENCY, s3Concurrency);
    }

    /** The buckets of the selected configuration; the caller closes them. */
    protected StoreAccess stores() {
        return StoreAccess.open(cicdConfig(), this::credentials, settings(), reporter());
    }

    /** The feature tree of the checkout ({@code <repoRoot>/features}). */
    protected FeatureGraph features() {
        return FeatureGraph.load(repoRoot().resolve("features"));
    }
}
