package io.gardenlinux.glci.model.manifests;

import io.gardenlinux.glci.model.flavours.Architecture;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AlicloudPublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AlicloudPublishedImageSet;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AwsPublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AwsPublishedImageSet;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AzurePublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.GcpPublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.OciPublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.OpenstackPublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.OpenstackPublishedImageSet;
import io.gardenlinux.glci.model.yaml.PlainScalars;
import io.gardenlinux.glci.model.yaml.Problems;
import io.gardenlinux.glci.model.yaml.YamlDocuments;
import io.gardenlinux.glci.model.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The original's YAML wire format of release manifests and manifest sets. Written as its {@code safe_dump}: keys in
 * alphabetical order at every level, enums as their values, {@code published_image_metadata: null} when unpublished.
 * Read leniently like the original (unknown keys are allowed) but losslessly: unknown keys are kept and written back,
 * a plain scalar among them that a YAML 1.1 reader takes for a date, number, boolean or null plain again. Strings are
 * written so that a YAML 1.1 reader (the original's PyYAML) reads them as strings.
 * Every missing or mistyped key of a document is reported at once, naming the source and the entry.
 */
public final class ManifestYaml {

    private static final String ARCHITECTURE = "architecture";
    private static final String BUILD_COMMITTISH = "build_committish";
    private static final String BUILD_TIMESTAMP = "build_timestamp";
    private static final String GARDENLINUX_EPOCH = "gardenlinux_epoch";
    private static final String MODIFIERS = "modifiers";
    private static final String PATHS = "paths";
    private static final String PLATFORM = "platform";
    private static final String PUBLISHED_IMAGE_METADATA = "published_image_metadata";
    private static final String VERSION = "version";
    private static final String S3_KEY = "s3_key";
    private static final String S3_BUCKET = "s3_bucket";
    private static final String FLAVOUR_SET_NAME = "flavour_set_name";
    private static final String MANIFESTS = "manifests";

    private static final Set<String> MANIFEST_KEYS = Set.of(ARCHITECTURE, BUILD_COMMITTISH, BUILD_TIMESTAMP,
            GARDENLINUX_EPOCH, MODIFIERS, PATHS, PLATFORM, PUBLISHED_IMAGE_METADATA, VERSION);
    private static final Set<String> ONLINE_MANIFEST_KEYS = union(MANIFEST_KEYS, Set.of(S3_KEY, S3_BUCKET));
    private static final Set<String> FILE_KEYS = Set.of("name", "suffix", S3_KEY, "s3_bucket_name");
    private static final Set<String> SET_KEYS = Set.of(FLAVOUR_SET_NAME, MANIFESTS);
    private static final Set<String> ONLINE_SET_KEYS = union(SET_KEYS, Set.of(S3_KEY, S3_BUCKET));

    private static final ObjectMapper WRITER = YamlDocuments.yaml().rebuild()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ManifestYaml() {
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** Reads a single release manifest; {@code source} (e.g. the S3 key) names it in errors. */
    public static ReleaseManifest readManifest(byte[] yaml, String source) {
        return read(yaml, source, root -> manifest(root, MANIFEST_KEYS));
    }

    /** Reads a single release manifest stored at {@code s3Key} in {@code s3Bucket}. */
    public static OnlineReleaseManifest readOnlineManifest(byte[] yaml, String s3Bucket, String s3Key) {
        ReleaseManifest manifest = read(yaml, s3Bucket + "/" + s3Key, root -> manifest(root, ONLINE_MANIFEST_KEYS));
        return new OnlineReleaseManifest(manifest, s3Key, s3Bucket);
    }

    /** Reads a manifest set; {@code source} names it in errors. */
    public static ReleaseManifestSet readSet(byte[] yaml, String source) {
        return read(yaml, source, root -> set(root, SET_KEYS));
    }

    /** Reads a manifest set stored at {@code s3Key} in {@code s3Bucket}. */
    public static OnlineReleaseManifestSet readOnlineSet(byte[] yaml, String s3Bucket, String s3Key) {
        ReleaseManifestSet set = read(yaml, s3Bucket + "/" + s3Key, root -> set(root, ONLINE_SET_KEYS));
        return new OnlineReleaseManifestSet(set, s3Key, s3Bucket);
    }

    private static <T> T read(byte[] yaml, String source, Function<YamlNode, T> reader) {
        Problems problems = new Problems(source);
        YamlNode root = YamlNode.root(YamlDocuments.read(yaml, source), problems, PlainScalars.of(yaml));
        T result = root.expectObject("a manifest") ? reader.apply(root) : null;
        problems.throwIfAny();
        return result;
    }

    private static ReleaseManifestSet set(YamlNode root, Set<String> known) {
        String flavourSetName = root.string(FLAVOUR_SET_NAME);
        List<OnlineReleaseManifest> manifests = new ArrayList<>();
        for (YamlNode entry : root.list(MANIFESTS, true)) {
            if (entry.expectObject("a manifest of the set")) {
                ReleaseManifest manifest = manifest(entry, ONLINE_MANIFEST_KEYS);
                String key = entry.string(S3_KEY);
                String bucket = entry.string(S3_BUCKET);
                if (manifest != null && key != null && bucket != null) {
                    manifests.add(new OnlineReleaseManifest(manifest, key, bucket));
                }
            }
        }
        if (!root.problems().isEmpty()) {
            return null;
        }
        return new ReleaseManifestSet(flavourSetName, manifests, root.unknownEntries(known));
    }

    private static ReleaseManifest manifest(YamlNode node, Set<String> known) {
        int before = node.problems().list().size();
        String committish = node.string(BUILD_COMMITTISH);
        String version = node.string(VERSION);
        Integer epoch = node.integer(GARDENLINUX_EPOCH);
        String architectureName = node.string(ARCHITECTURE);
        Architecture architecture = null;
        if (architectureName != null) {
            architecture = Architecture.find(architectureName).orElse(null);
            if (architecture == null) {
                node.problem(ARCHITECTURE, "'" + architectureName + "' is not a valid Architecture; allowed: "
                        + Architecture.allowed());
            }
        }
        String platform = node.string(PLATFORM);
        List<String> modifiers = node.stringList(MODIFIERS, true);
        String timestamp = node.string(BUILD_TIMESTAMP);
        List<S3ReleaseFile> paths = new ArrayList<>();
        for (YamlNode path : node.list(PATHS, true)) {
            if (path.expectObject("a path")) {
                String name = path.string("name");
                String suffix = path.string("suffix");
                String key = path.string(S3_KEY);
                String bucket = path.string("s3_bucket_name");
                if (name != null && suffix != null && key != null && bucket != null) {
                    paths.add(new S3ReleaseFile(name, suffix, key, bucket, path.unknownEntries(FILE_KEYS)));
                }
            }
        }
        PublishedImageMetadata published = publishedImageMetadata(node.get(PUBLISHED_IMAGE_METADATA));
        if (node.problems().list().size() > before) {
            return null;
        }
        return new ReleaseManifest(new ReleaseIdentifier(committish, version, epoch, architecture, platform, modifiers),
                timestamp, paths, published, node.unknownEntries(known));
    }

    private static PublishedImageMetadata publishedImageMetadata(YamlNode node) {
        if (node.isMissing() || !node.expectObject(PUBLISHED_IMAGE_METADATA)) {
            return null;
        }
        if (node.has(AwsPublishedImageSet.KEY)) {
            return new AwsPublishedImageSet(images(node, AwsPublishedImageSet.KEY, "an AWS image", "ami_id",
                    "aws_region_id", "image_name", AwsPublishedImage::new),
                    node.unknownEntries(Set.of(AwsPublishedImageSet.KEY)));
        }
        if (node.has(AlicloudPublishedImageSet.KEY)) {
            return new AlicloudPublishedImageSet(images(node, AlicloudPublishedImageSet.KEY, "an Alibaba Cloud image",
                    "image_id", "region_id", "image_name", AlicloudPublishedImage::new),
                    node.unknownEntries(Set.of(AlicloudPublishedImageSet.KEY)));
        }
        if (node.has(GcpPublishedImage.KEY)) {
            String name = node.string(GcpPublishedImage.KEY);
            String project = node.string("gcp_project_name");
            return name == null || project == null ? null : new GcpPublishedImage(name, project,
                    node.unknownEntries(Set.of(GcpPublishedImage.KEY, "gcp_project_name")));
        }
        if (node.has(AzurePublishedImage.KEY)) {
            String state = node.string(AzurePublishedImage.KEY);
            AzureTransportState transportState = state == null ? null : AzureTransportState.find(state).orElse(null);
            if (state != null && transportState == null) {
                node.problem(AzurePublishedImage.KEY, "'" + state + "' is not a valid transport state; allowed: "
                        + AzureTransportState.allowed());
            }
            String urn = node.optionalString("urn").orElse(null);
            String publish = node.optionalString("publish_operation_id").orElse(null);
            String golive = node.optionalString("golive_operation_id").orElse(null);
            return transportState == null ? null : new AzurePublishedImage(transportState, urn, publish, golive,
                    node.unknownEntries(Set.of(AzurePublishedImage.KEY, "urn", "publish_operation_id",
                            "golive_operation_id")));
        }
        if (node.has(OpenstackPublishedImageSet.KEY)) {
            return new OpenstackPublishedImageSet(images(node, OpenstackPublishedImageSet.KEY, "an OpenStack image",
                    "region_name", "image_id", "image_name", OpenstackPublishedImage::new),
                    node.unknownEntries(Set.of(OpenstackPublishedImageSet.KEY)));
        }
        if (node.has(OciPublishedImage.KEY)) {
            String reference = node.string(OciPublishedImage.KEY);
            return reference == null ? null
                    : new OciPublishedImage(reference, node.unknownEntries(Set.of(OciPublishedImage.KEY)));
        }
        node.problem("unknown kind of published image: expected one of the keys " + AwsPublishedImageSet.KEY + ", "
                + AlicloudPublishedImageSet.KEY + ", " + GcpPublishedImage.KEY + ", " + AzurePublishedImage.KEY + ", "
                + OpenstackPublishedImageSet.KEY + ", " + OciPublishedImage.KEY + "; found "
                + String.join(", ", node.entries().keySet()));
        return null;
    }

    /** The constructor of a per-region image entry: three required strings and the keys glci does not know. */
    private interface ImageEntry<T> {
        T create(String first, String second, String third, Map<String, Object> otherKeys);
    }

    /** A list of per-region image entries, each a mapping with three required string keys. */
    private static <T> List<T> images(YamlNode node, String key, String what, String k1, String k2, String k3,
            ImageEntry<T> entry) {
        List<T> images = new ArrayList<>();
        for (YamlNode e : node.list(key, true)) {
            if (e.expectObject(what)) {
                String v1 = e.string(k1);
                String v2 = e.string(k2);
                String v3 = e.string(k3);
                if (YamlNode.allPresent(v1, v2, v3)) {
                    images.add(entry.create(v1, v2, v3, e.unknownEntries(Set.of(k1, k2, k3))));
                }
            }
        }
        return images;
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    public static String write(ReleaseManifest manifest) {
        return WRITER.writeValueAsString(toMap(manifest));
    }

    public static String write(OnlineReleaseManifest manifest) {
        return WRITER.writeValueAsString(toMap(manifest));
    }

    public static String write(ReleaseManifestSet set) {
        return WRITER.writeValueAsString(toMap(set));
    }

    public static String write(OnlineReleaseManifestSet set) {
        Map<String, Object> map = toMap(set.set());
        map.put(S3_KEY, set.s3Key());
        map.put(S3_BUCKET, set.s3Bucket());
        return WRITER.writeValueAsString(map);
    }

    private static Map<String, Object> toMap(ReleaseManifestSet set) {
        Map<String, Object> map = new TreeMap<>(set.otherKeys());
        map.put(FLAVOUR_SET_NAME, set.flavourSetName());
        map.put(MANIFESTS, set.manifests().stream().map(ManifestYaml::toMap).toList());
        return map;
    }

    private static Map<String, Object> toMap(OnlineReleaseManifest manifest) {
        Map<String, Object> map = toMap(manifest.manifest());
        map.put(S3_KEY, manifest.s3Key());
        map.put(S3_BUCKET, manifest.s3Bucket());
        return map;
    }

    private static Map<String, Object> toMap(ReleaseManifest manifest) {
        ReleaseIdentifier id = manifest.identifier();
        Map<String, Object> map = new TreeMap<>(manifest.otherKeys());
        map.put(ARCHITECTURE, id.architecture().wireValue());
        map.put(BUILD_COMMITTISH, id.buildCommittish());
        map.put(BUILD_TIMESTAMP, manifest.buildTimestamp());
        map.put(GARDENLINUX_EPOCH, id.gardenlinuxEpoch());
        map.put(MODIFIERS, id.modifiers());
        map.put(PATHS, manifest.paths().stream().map(ManifestYaml::toMap).toList());
        map.put(PLATFORM, id.platform());
        map.put(PUBLISHED_IMAGE_METADATA, manifest.publishedImageMetadata() == null ? null
                : toMap(manifest.publishedImageMetadata()));
        map.put(VERSION, id.version());
        return map;
    }

    private static Map<String, Object> toMap(S3ReleaseFile file) {
        Map<String, Object> map = new TreeMap<>(file.otherKeys());
        map.put("name", file.name());
        map.put("suffix", file.suffix());
        map.put(S3_KEY, file.s3Key());
        map.put("s3_bucket_name", file.s3BucketName());
        return map;
    }

    private static Map<String, Object> toMap(PublishedImageMetadata metadata) {
        Map<String, Object> map = new TreeMap<>(metadata.otherKeys());
        if (metadata instanceof AwsPublishedImageSet aws) {
            map.put(AwsPublishedImageSet.KEY, aws.publishedAwsImages().stream()
                    .map(i -> entry(i.otherKeys(), "ami_id", i.amiId(), "aws_region_id", i.awsRegionId(),
                            "image_name", i.imageName()))
                    .toList());
        } else if (metadata instanceof AlicloudPublishedImageSet ali) {
            map.put(AlicloudPublishedImageSet.KEY, ali.publishedAlicloudImages().stream()
                    .map(i -> entry(i.otherKeys(), "image_id", i.imageId(), "region_id", i.regionId(),
                            "image_name", i.imageName()))
                    .toList());
        } else if (metadata instanceof GcpPublishedImage gcp) {
            map.put(GcpPublishedImage.KEY, gcp.gcpImageName());
            map.put("gcp_project_name", gcp.gcpProjectName());
        } else if (metadata instanceof AzurePublishedImage azure) {
            map.put(AzurePublishedImage.KEY, azure.transportState().wireValue());
            map.put("urn", azure.urn());
            map.put("publish_operation_id", azure.publishOperationId());
            map.put("golive_operation_id", azure.goliveOperationId());
        } else if (metadata instanceof OpenstackPublishedImageSet os) {
            map.put(OpenstackPublishedImageSet.KEY, os.publishedOpenstackImages().stream()
                    .map(i -> entry(i.otherKeys(), "region_name", i.regionName(), "image_id", i.imageId(),
                            "image_name", i.imageName()))
                    .toList());
        } else if (metadata instanceof OciPublishedImage oci) {
            map.put(OciPublishedImage.KEY, oci.imageReference());
        }
        return map;
    }

    private static Map<String, Object> entry(Map<String, Object> otherKeys, String k1, String v1, String k2,
            String v2, String k3, String v3) {
        Map<String, Object> map = new TreeMap<>(otherKeys);
        map.put(k1, v1);
        map.put(k2, v2);
        map.put(k3, v3);
        return map;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> result = new java.util.HashSet<>(a);
        result.addAll(Objects.requireNonNull(b));
        return Set.copyOf(result);
    }
}
