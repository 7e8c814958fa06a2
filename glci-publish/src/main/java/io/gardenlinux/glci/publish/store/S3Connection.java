package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.credentials.AwsCredentials;
import io.gardenlinux.glci.model.credentials.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an S3 (or S3-compatible) store: the {@code aws} credential's region and keys, an optional endpoint
 * override with path-style addressing for S3-compatible servers, timeouts and the retry budget.
 *
 * @param region the region, e.g. {@code eu-central-1}
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret key; never shown
 * @param endpoint an endpoint instead of AWS's, e.g. {@code http://127.0.0.1:8081}
 * @param pathStyle whether to address buckets as {@code <endpoint>/<bucket>} rather than as a host name
 * @param timeouts the timeouts of connections and calls
 * @param retries how often and how long to retry throttling, 5xx answers and connection faults
 */
public record S3Connection(String region, String accessKeyId, Secret secretAccessKey, Optional<URI> endpoint,
        boolean pathStyle, Timeouts timeouts, Retries retries) {

    public S3Connection {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(retries, "retries");
    }

    /**
     * The connection of an {@code aws} credential, in {@code region} (the bucket's, from {@code cicd.yaml}), with an
     * optional endpoint override; path-style addressing whenever an endpoint is given.
     */
    public static S3Connection of(AwsCredentials credentials, String region, Optional<URI> endpoint) {
        return new S3Connection(region, credentials.accessKeyId(), credentials.secretAccessKey(), endpoint,
                endpoint.isPresent(), Timeouts.DEFAULT, Retries.DEFAULT);
    }

    public S3Connection withTimeouts(Timeouts newTimeouts) {
        return new S3Connection(region, accessKeyId, secretAccessKey, endpoint, pathStyle, newTimeouts, retries);
    }

    public S3Connection withRetries(Retries newRetries) {
        return new S3Connection(region, accessKeyId, secretAccessKey, endpoint, pathStyle, timeouts, newRetries);
    }

    /**
     * Timeouts. A stalled connection is noticed by {@code socket} (no byte read for that long) and retried.
     *
     * @param connect establishing a TCP connection
     * @param socket the longest silence on an open connection
     * @param attempt one attempt of a call, including sending the body (a 64 MiB part at a slow 1 MiB/s fits)
     * @param call a whole call, all attempts included
     */
    public record Timeouts(Duration connect, Duration socket, Duration attempt, Duration call) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofMinutes(5), Duration.ofMinutes(30));

        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(socket, "socket");
            Objects.requireNonNull(attempt, "attempt");
            Objects.requireNonNull(call, "call");
        }
    }

    /**
     * Retries of throttling, 5xx answers and connection faults: exponential backoff with full jitter.
     *
     * @param maxAttempts attempts per call, the first included
     * @param baseDelay the first backoff (before jitter)
     * @param maxDelay the longest backoff
     */
    public record Retries(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        public static final Retries DEFAULT = new Retries(10, Duration.ofMillis(200), Duration.ofSeconds(20));

        public Retries {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
            }
            Objects.requireNonNull(baseDelay, "baseDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
        }
    }

    @Override
    public String toString() {
        return "S3Connection[region=" + region + ", accessKeyId=" + accessKeyId + ", endpoint="
                + endpoint.map(URI::toString).orElse("AWS") + ", pathStyle=" + pathStyle + "]";
    }
}
