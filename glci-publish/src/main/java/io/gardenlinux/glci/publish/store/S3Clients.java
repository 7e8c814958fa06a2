package io.gardenlinux.glci.publish.store;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the blocking S3 client of a {@link S3Connection}. */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * A client with the connection's timeouts and retries and room for {@code maxConnections} parallel requests.
     * Retries use the SDK's standard strategy (throttling, 5xx, I/O faults) with full-jitter exponential backoff and
     * without its circuit breaker, so that a burst of faults during a long upload does not stop the retries early.
     */
    public static S3Client create(S3Connection connection, int maxConnections) {
        S3Connection.Retries retries = connection.retries();
        S3Connection.Timeouts timeouts = connection.timeouts();
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(retries.baseDelay(), retries.maxDelay());
        var builder = S3Client.builder()
                .region(Region.of(connection.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        connection.accessKeyId(), connection.secretAccessKey().reveal())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(connection.pathStyle()).build())
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(maxConnections)
                        .connectionTimeout(timeouts.connect())
                        .socketTimeout(timeouts.socket())
                        .connectionAcquisitionTimeout(timeouts.call()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(timeouts.attempt())
                        .apiCallTimeout(timeouts.call())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(retries.maxAttempts())
                                .backoffStrategy(backoff)
                                .throttlingBackoffStrategy(backoff)
                                .circuitBreakerEnabled(false)
                                .build())
                        .build());
        connection.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
