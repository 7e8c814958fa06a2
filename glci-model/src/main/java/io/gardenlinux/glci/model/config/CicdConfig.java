package io.gardenlinux.glci.model.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One named configuration of {@code cicd.yaml}: where builds are stored and published and whom to notify. The
 * {@code *_cfg_name} values name entries of the credentials ({@code cfg/}).
 *
 * @param name the configuration's name ({@code default} unless chosen otherwise)
 * @param build where build results go and which credentials the build uses
 * @param packageBuild where package builds go, if they are configured
 * @param publish where images are published, if publishing is configured
 * @param notification ({@code notify}) how notifications are sent, if they are configured
 */
public record CicdConfig(String name, BuildConfig build, Optional<PackageBuildConfig> packageBuild,
        Optional<PublishConfig> publish, Optional<NotificationConfig> notification) {

    public CicdConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(packageBuild, "packageBuild");
        Objects.requireNonNull(publish, "publish");
        Objects.requireNonNull(notification, "notification");
    }

    /**
     * {@code build}: the build-result store and the cloud accounts images are staged in.
     *
     * @param awsCfgName the {@code aws} credential of the build-result bucket
     * @param awsRegion the region of the build-result bucket (and where AMIs are imported)
     * @param s3BucketName the build-result bucket
     * @param gcpBucketName the GCS bucket images are staged in for GCP
     * @param gcpCfgName the {@code gcp} credential
     * @param ossBucketName the OSS bucket images are staged in for Alibaba Cloud
     * @param alicloudRegion the Alibaba Cloud home region
     * @param alicloudCfgName the {@code alicloud} credential
     */
    public record BuildConfig(String awsCfgName, String awsRegion, String s3BucketName, Optional<String> gcpBucketName,
            Optional<String> gcpCfgName, Optional<String> ossBucketName, Optional<String> alicloudRegion,
            Optional<String> alicloudCfgName) {
        public BuildConfig {
            Objects.requireNonNull(awsCfgName, "awsCfgName");
            Objects.requireNonNull(awsRegion, "awsRegion");
            Objects.requireNonNull(s3BucketName, "s3BucketName");
        }
    }

    /** {@code package_build}: where built Debian packages go. */
    public record PackageBuildConfig(String awsCfgName, String s3BucketName) {
        public PackageBuildConfig {
            Objects.requireNonNull(awsCfgName, "awsCfgName");
            Objects.requireNonNull(s3BucketName, "s3BucketName");
        }
    }

    /** {@code publish}: one optional section per target. */
    public record PublishConfig(Optional<AzurePublishConfig> azure, Optional<OpenstackPublishConfig> openstack,
            Optional<OciPublishConfig> oci) {
    }

    /** {@code publish.azure}: the Marketplace offer and the Azure credentials. */
    public record AzurePublishConfig(String offerId, String publisherId, String planId,
            String servicePrincipalCfgName, String storageAccountCfgName, List<String> notificationEmails,
            Optional<String> sharedGalleryCfgName) {
        public AzurePublishConfig {
            Objects.requireNonNull(offerId, "offerId");
            Objects.requireNonNull(publisherId, "publisherId");
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(servicePrincipalCfgName, "servicePrincipalCfgName");
            Objects.requireNonNull(storageAccountCfgName, "storageAccountCfgName");
            notificationEmails = List.copyOf(notificationEmails);
        }
    }

    /** {@code publish.openstack}: the {@code ccee} credential and the {@code openstack_os_image} properties. */
    public record OpenstackPublishConfig(String environmentCfgName, String imagePropertiesCfgName) {
        public OpenstackPublishConfig {
            Objects.requireNonNull(environmentCfgName, "environmentCfgName");
            Objects.requireNonNull(imagePropertiesCfgName, "imagePropertiesCfgName");
        }
    }

    /** {@code publish.oci}: the repository the {@code oci} platform's images are pushed to. */
    public record OciPublishConfig(String imagePrefix) {
        public OciPublishConfig {
            Objects.requireNonNull(imagePrefix, "imagePrefix");
        }
    }

    /** {@code notify}: the {@code email} credential mails are sent with. */
    public record NotificationConfig(String emailCfgName) {
        public NotificationConfig {
            Objects.requireNonNull(emailCfgName, "emailCfgName");
        }
    }
}
