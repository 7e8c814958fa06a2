package io.gardenlinux.glci.model.config;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import io.gardenlinux.glci.model.config.CicdConfig.AzurePublishConfig;
import io.gardenlinux.glci.model.config.CicdConfig.BuildConfig;
import io.gardenlinux.glci.model.config.CicdConfig.NotificationConfig;
import io.gardenlinux.glci.model.config.CicdConfig.OciPublishConfig;
import io.gardenlinux.glci.model.config.CicdConfig.OpenstackPublishConfig;
import io.gardenlinux.glci.model.config.CicdConfig.PackageBuildConfig;
import io.gardenlinux.glci.model.config.CicdConfig.PublishConfig;
import io.gardenlinux.glci.model.yaml.Problems;
import io.gardenlinux.glci.model.yaml.YamlDocuments;
import io.gardenlinux.glci.model.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@code cicd.yaml}: a list {@code cicd_cfgs} of named configurations. Unknown keys are ignored, as in the
 * original; missing required keys are reported, all at once.
 *
 * @param source the file, for messages
 * @param configs the configurations in the order of the file
 */
public record CicdConfigFile(String source, List<CicdConfig> configs) {

    /** The configuration used unless another is chosen. */
    public static final String DEFAULT_NAME = "default";

    public CicdConfigFile {
        Objects.requireNonNull(source, "source");
        configs = List.copyOf(configs);
    }

    public static CicdConfigFile read(Path file) {
        return parse(YamlDocuments.read(file), file.toString());
    }

    public static CicdConfigFile read(byte[] content, String source) {
        return parse(YamlDocuments.read(content, source), source);
    }

    private static CicdConfigFile parse(tools.jackson.databind.JsonNode json, String source) {
        Problems problems = new Problems(source);
        YamlNode root = YamlNode.root(json, problems);
        List<CicdConfig> configs = new ArrayList<>();
        if (root.expectObject("cicd.yaml")) {
            Set<String> names = new HashSet<>();
            for (YamlNode entry : root.list("cicd_cfgs", true)) {
                if (!entry.expectObject("a CI configuration")) {
                    continue;
                }
                CicdConfig config = config(entry);
                if (config != null && !names.add(config.name())) {
                    entry.problem("name", "duplicate configuration name '" + config.name() + "'");
                }
                if (config != null) {
                    configs.add(config);
                }
            }
        }
        problems.throwIfAny();
        return new CicdConfigFile(source, configs);
    }

    private static CicdConfig config(YamlNode entry) {
        String name = entry.string("name");
        BuildConfig build = required(entry, "build", CicdConfigFile::build);
        Optional<PackageBuildConfig> packageBuild = optional(entry, "package_build", CicdConfigFile::packageBuild);
        Optional<PublishConfig> publish = optional(entry, "publish", CicdConfigFile::publish);
        Optional<NotificationConfig> notification = optional(entry, "notify", CicdConfigFile::notification);
        return YamlNode.allPresent(name, build) ? new CicdConfig(name, build, packageBuild, publish, notification) : null;
    }

    private static BuildConfig build(YamlNode n) {
        String awsCfgName = n.string("aws_cfg_name");
        String awsRegion = n.string("aws_region");
        String bucket = n.string("s3_bucket_name");
        return YamlNode.allPresent(awsCfgName, awsRegion, bucket)
                ? new BuildConfig(awsCfgName, awsRegion, bucket, n.optionalString("gcp_bucket_name"),
                        n.optionalString("gcp_cfg_name"), n.optionalString("oss_bucket_name"),
                        n.optionalString("alicloud_region"), n.optionalString("alicloud_cfg_name"))
                : null;
    }

    private static PackageBuildConfig packageBuild(YamlNode n) {
        String awsCfgName = n.string("aws_cfg_name");
        String bucket = n.string("s3_bucket_name");
        return YamlNode.allPresent(awsCfgName, bucket) ? new PackageBuildConfig(awsCfgName, bucket) : null;
    }

    private static NotificationConfig notification(YamlNode n) {
        String email = n.string("email_cfg_name");
        return YamlNode.allPresent(email) ? new NotificationConfig(email) : null;
    }

    private static PublishConfig publish(YamlNode n) {
        return new PublishConfig(optional(n, "azure", CicdConfigFile::azure),
                optional(n, "openstack", CicdConfigFile::openstack), optional(n, "oci", CicdConfigFile::oci));
    }

    private static AzurePublishConfig azure(YamlNode a) {
        String offer = a.string("offer_id");
        String publisher = a.string("publisher_id");
        String plan = a.string("plan_id");
        String servicePrincipal = a.string("service_principal_cfg_name");
        String storageAccount = a.string("storage_account_cfg_name");
        List<String> emails = a.stringList("notification_emails", false);
        return YamlNode.allPresent(offer, publisher, plan, servicePrincipal, storageAccount)
                ? new AzurePublishConfig(offer, publisher, plan, servicePrincipal, storageAccount, emails,
                        a.optionalString("shared_gallery_cfg_name"))
                : null;
    }

    private static OpenstackPublishConfig openstack(YamlNode o) {
        String environment = o.string("environment_cfg_name");
        String properties = o.string("image_properties_cfg_name");
        return YamlNode.allPresent(environment, properties) ? new OpenstackPublishConfig(environment, properties) : null;
    }

    private static OciPublishConfig oci(YamlNode o) {
        String prefix = o.string("image_prefix");
        return YamlNode.allPresent(prefix) ? new OciPublishConfig(prefix) : null;
    }

    /** Reads a required section; {@code null} (with problems recorded) when it is missing or incomplete. */
    private static <T> T required(YamlNode parent, String key, Function<YamlNode, T> reader) {
        YamlNode node = parent.get(key);
        if (node.isMissing()) {
            parent.problem("missing key '" + key + "'");
            return null;
        }
        return node.expectObject(key) ? reader.apply(node) : null;
    }

    private static <T> Optional<T> optional(YamlNode parent, String key, Function<YamlNode, T> reader) {
        YamlNode node = parent.get(key);
        return node.isMissing() || !node.expectObject(key) ? Optional.empty() : Optional.ofNullable(reader.apply(node));
    }

    public List<String> names() {
        return configs.stream().map(CicdConfig::name).toList();
    }

    /** The configuration of that name; an {@link InvalidInputException} naming the defined ones when there is none. */
    public CicdConfig config(String name) {
        return configs.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException(new Problem(source, "cicd_cfgs", "not found: cfg_name='"
                        + name + "'; defined configurations: " + String.join(", ", names()))));
    }
}
