package io.gardenlinux.glci.publish.store;

import static org.junit.jupiter.api.Assertions.fail;

import io.gardenlinux.glci.model.credentials.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 server the tests run against (s3proxy on 127.0.0.1, started by {@code bin/with-test-services}), named by
 * {@code IT_S3_ENDPOINT}, {@code IT_S3_ACCESS_KEY} and {@code IT_S3_SECRET_KEY}. A missing variable fails the test.
 */
final class S3TestServer {

    /** Short timeouts and quick retries, so that fault tests finish in seconds. */
    static final S3Connection.Timeouts TIMEOUTS = new S3Connection.Timeouts(Duration.ofSeconds(5),
            Duration.ofSeconds(3), Duration.ofSeconds(60), Duration.ofMinutes(5));
    static final S3Connection.Retries RETRIES = new S3Connection.Retries(10, Duration.ofMillis(20),
            Duration.ofMillis(500));

    private S3TestServer() {
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            fail(name + " is not set: run the tests with bin/with-test-services (or source the test services'"
                    + " environment), which starts s3proxy on 127.0.0.1");
        }
        return value;
    }

    static URI endpoint() {
        return URI.create(env("IT_S3_ENDPOINT"));
    }

    /** The connection to the server, or through a proxy at {@code endpoint}. */
    static S3Connection connection(URI endpoint) {
        return new S3Connection("us-east-1", env("IT_S3_ACCESS_KEY"), Secret.of(env("IT_S3_SECRET_KEY")),
                Optional.of(endpoint), true, TIMEOUTS, RETRIES);
    }

    static S3Connection connection() {
        return connection(endpoint());
    }

    static S3Client client() {
        return S3Clients.create(connection(), 16);
    }

    /** A new bucket with a unique name (other tests and helpers share the server). */
    static String newBucket(S3Client s3) {
        String bucket = "glci-store-" + UUID.randomUUID().toString().substring(0, 13);
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }
}
