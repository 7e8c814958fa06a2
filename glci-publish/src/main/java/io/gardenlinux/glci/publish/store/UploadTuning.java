package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;

/**
 * How build results are sent: files of at least {@code multipartThreshold} bytes go in parts of {@code partSize},
 * and up to {@code concurrency} requests (whole files or parts) run at once. Memory use is about
 * {@code concurrency × partSize}.
 *
 * @param partSize the size of a part (S3: at least 5 MiB, at most 10,000 parts a file)
 * @param multipartThreshold the size from which a file is sent in parts
 * @param concurrency parallel requests
 */
public record UploadTuning(int partSize, long multipartThreshold, int concurrency) {

    /** The smallest part S3 accepts (except the last). */
    public static final int MIN_PART_SIZE = 5 << 20;

    /** 16 MiB parts from 32 MiB on, 8 requests at once: saturates a local server on two cores. */
    public static final UploadTuning DEFAULT = new UploadTuning(16 << 20, 32L << 20, 8);

    /**
     * The tuning of these settings: parts of {@link GlciSettings#PART_SIZE_MIB} from twice that size on,
     * {@link GlciSettings#S3_CONCURRENCY} requests at once.
     */
    public static UploadTuning from(SettingValues settings) {
        int partSize = settings.get(GlciSettings.PART_SIZE_MIB) << 20;
        return new UploadTuning(partSize, 2L * partSize, settings.get(GlciSettings.S3_CONCURRENCY));
    }

    public UploadTuning {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be at least 5 MiB (" + MIN_PART_SIZE + "), not "
                    + partSize);
        }
        if (multipartThreshold < partSize) {
            throw new IllegalArgumentException("multipartThreshold (" + multipartThreshold
                    + ") must be at least partSize (" + partSize + ")");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
    }
}
