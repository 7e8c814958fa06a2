package io.gardenlinux.glci.publish.store;

import software.amazon.awssdk.services.s3.S3Client;

/** The test S3 server for tests of other packages. */
public final class S3TestAccess {

    private S3TestAccess() {
    }

    public static S3Client client() {
        return S3TestServer.client();
    }

    public static String newBucket(S3Client s3) {
        return S3TestServer.newBucket(s3);
    }
}
