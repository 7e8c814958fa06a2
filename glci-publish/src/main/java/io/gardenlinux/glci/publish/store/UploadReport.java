package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.manifests.ReleaseManifest;

/**
 * What an upload of a build result did.
 *
 * @param manifestKey where the single manifest was written
 * @param manifest the manifest
 * @param objectsUploaded objects sent
 * @param objectsSkipped objects that were already stored whole
 * @param bytesUploaded content bytes sent
 */
public record UploadReport(String manifestKey, ReleaseManifest manifest, int objectsUploaded, int objectsSkipped,
        long bytesUploaded) {
}
