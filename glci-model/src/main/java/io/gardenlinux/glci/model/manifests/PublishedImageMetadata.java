package io.gardenlinux.glci.model.manifests;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a release was published, recorded in its manifest's {@code published_image_metadata}. The YAML carries no
 * type tag: each kind is told apart by a key only it has (see {@link #discriminatingKey()}).
 */
public sealed interface PublishedImageMetadata {

    /** The key that identifies this kind in YAML. */
    String discriminatingKey();

    /** Keys glci does not know, kept when the manifest is written again. */
    Map<String, Object> otherKeys();

    /** AMIs, one per AWS region ({@code published_aws_images}). */
    record AwsPublishedImageSet(List<AwsPublishedImage> publishedAwsImages, Map<String, Object> otherKeys)
            implements PublishedImageMetadata {
        public static final String KEY = "published_aws_images";

        public AwsPublishedImageSet {
            publishedAwsImages = List.copyOf(publishedAwsImages);
            otherKeys = OtherKeys.copyOf(otherKeys);
        }

        @Override
        public String discriminatingKey() {
            return KEY;
        }
    }

    record AwsPublishedImage(String amiId, String awsRegionId, String imageName, Map<String, Object> otherKeys) {
        public AwsPublishedImage {
            Objects.requireNonNull(amiId, "amiId");
            Objects.requireNonNull(awsRegionId, "awsRegionId");
            Objects.requireNonNull(imageName, "imageName");
            otherKeys = OtherKeys.copyOf(otherKeys);
        }
    }

    /** Alibaba Cloud images, one per region ({@code published_alicloud_images}). */
    record AlicloudPublishedImageSet(List<AlicloudPublishedImage> publishedAlicloudImages,
            Map<String, Object> otherKeys) implements PublishedImageMetadata {
        public static final String KEY = "published_alicloud_images";

        public AlicloudPublishedImageSet {
            publishedAlicloudImages = List.copyOf(publishedAlicloudImages);
            otherKeys = OtherKeys.copyOf(otherKeys);
        }

        @Override
        public String discriminatingKey() {
            return KEY;
        }
    }

    record AlicloudPublishedImage(String imageId, String regionId, String imageName, Map<String, Object> otherKeys) {
        public AlicloudPublishedImage {
            Objects.requireNonNull(imageId, "imageId");
            Objects.requireNonNull(regionId, "regionId");
            Objects.requireNonNull(imageName, "imageName");
            otherKeys = OtherKeys.copyOf(otherKeys);
        }
    }

    /** A GCE image ({@code gcp_image_name}). */
    record GcpPublishedImage(String gcpImageName, String gcpProjectName, Map<String, Object> otherKeys)
            implements PublishedImageMetadata {
        public static final String KEY = "gcp_image_name";

        public GcpPublishedImage {
            Objects.requireNonNull(gcpImageName, "gcpImageName");
            Objects.requireNonNull(gcpProjectName, "gcpProjectName");
            otherKeys = OtherKeys.copyOf(otherKeys);
        }

        @Override
        public String discriminatingKey() {
            return KEY;
        }
    }

    /** An Azure Marketplace transport ({@code transport_state}); the ids and URN may be empty. */
    record AzurePublishedImage(AzureTransportState transportState, String urn, String publishOperationId,
            String goliveOperationId, Map<String, Object> otherKeys) implements PublishedImageMetadata {
        public static final String KEY = "transport_state";

        public AzurePublishedImage {
            Objects.requireNonNull(transportState, "transportState");
            otherKeys = OtherKeys.copyOf(otherKeys);
        }

        @Override
        public String discriminatingKey() {
            return KEY;
        }
    }

    /** Glance images, one per OpenStack region or project ({@code published_openstack_images}). */
    record OpenstackPublishedImageSet(List<OpenstackPublishedImage> publishedOpenstackImages,
            Map<String, Object> otherKeys) implements PublishedImageMetadata {
        public static final String KEY = "published_openstack_images";

        public OpenstackPublishedImageSet {
            publishedOpenstackImages = List.copyOf(publishedOpenstackImages);
            otherKeys = OtherKeys.copyOf(otherKeys);
        }

        @Override
        public String discriminatingKey() {
            return KEY;
        }
    }

    record OpenstackPublishedImage(String regionName, String imageId, String imageName,
            Map<String, Object> otherKeys) {
        public OpenstackPublishedImage {
            Objects.requireNonNull(regionName, "regionName");
            Objects.requireNonNull(imageId, "imageId");
            Objects.requireNonNull(imageName, "imageName");
            otherKeys = OtherKeys.copyOf(otherKeys);
        }
    }

    /** A container image in an OCI registry ({@code image_reference}). */
    record OciPublishedImage(String imageReference, Map<String, Object> otherKeys) implements PublishedImageMetadata {
        public static final String KEY = "image_reference";

        public OciPublishedImage {
            Objects.requireNonNull(imageReference, "imageReference");
            otherKeys = OtherKeys.copyOf(otherKeys);
        }

        @Override
        public String discriminatingKey() {
            return KEY;
        }
    }
}
