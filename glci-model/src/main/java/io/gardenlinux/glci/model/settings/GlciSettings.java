package io.gardenlinux.glci.model.settings;

import io.gardenlinux.glci.model.WireValue;
import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.model.config.CicdConfigFile;
import io.gardenlinux.glci.model.credentials.SecretCipher;
import io.gardenlinux.glci.model.flavours.Architecture;
import io.gardenlinux.glci.model.versions.GardenlinuxVersion;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The table of glci's settings: each with its key, the original CI's environment variables, its default, its parser
 * and one line of documentation. Every goal reads its settings through {@link SettingValues} from this table, so two
 * goals cannot disagree about a variable, a default or what a value may be.
 */
public final class GlciSettings {

    // ---- where and what to build -------------------------------------------------------------------------

    public static final Setting<String> REPO_ROOT = Setting.text("repoRoot",
            "the Garden Linux checkout: flavours.yaml, features/ and VERSION");

    public static final Setting<String> OUTPUT_DIRECTORY = Setting.text("outputDirectory",
            "where rendered YAML files are written");

    public static final Setting<String> NAMESPACE = Setting.text("namespace",
            "the Kubernetes namespace of the pipelines and runs").env("GARDENLINUX_TKN_WS").defaultsTo("gardenlinux");

    public static final Setting<String> FLAVOUR_SET = Setting.text("flavourSet",
            "the flavour set of flavours.yaml").env("FLAVOUR_SET").defaultsTo("all");

    public static final Setting<PublishingActions> PUBLISHING_ACTIONS = Setting.of("publishingActions",
            PublishingActions::parse, "comma-separated publishing actions: manifests, images, release, build_only")
            .env("PUBLISHING_ACTIONS").defaultsTo("build_only");

    public static final Setting<BuildType> BUILD_TYPE = Setting.of("buildType", BuildType::fromWireValue,
            "the build type: snapshot, daily or release").env("PROMOTE_TARGET").defaultsTo("snapshot");

    public static final Setting<String> BRANCH = Setting.text("branch", "the branch the commit is on")
            .env("BRANCH_NAME").defaultsTo("main");

    public static final Setting<String> GIT_URL = Setting.text("gitUrl", "the Garden Linux repository")
            .env("GIT_URL").defaultsTo("https://github.com/gardenlinux/gardenlinux");

    public static final Setting<String> OCI_PATH = Setting.text("ociPath", "the registry path of the base images")
            .env("OCI_PATH").defaultsTo("eu.gcr.io/gardener-project/gardenlinux");

    public static final Setting<GardenlinuxVersion> VERSION = Setting.of("version", GardenlinuxVersion::new,
            "the version to build, e.g. 318.9; today means <today's epoch>.0; default the VERSION file")
            .env("VERSION");

        public static final Setting<String> COMMITTISH = Setting.text("committish", "the commit to build");

    public static final Setting<Architecture> ARCHITECTURE = Setting.of("architecture", GlciSettings::architecture,
            "the flavour's architecture, e.g. amd64");

    public static final Setting<String> PLATFORM = Setting.text("platform", "the flavour's platform, e.g. aws");

    public static final Setting<List<String>> MODIFIERS = Setting.of("modifiers", GlciSettings::commaList,
            "the flavour's modifiers, comma-separated");

    public static final Setting<String> VERSION_LABEL = Setting.text("versionLabel",
            "the tag of a build's base images, <version>-<committish>");

    public static final Setting<String> KEY_CONFIG_NAME = Setting.text("keyConfigName",
            "the gpg_key credential the package build signs with").defaultsTo("gardenlinux");

    public static final Setting<String> PIPELINE_NAME = Setting.text("pipelineName", "the name of a Pipeline");

    public static final Setting<Integer> EPOCH = Setting.integer("epoch", 1, 100_000, "the Garden Linux epoch");

    public static final Setting<String> CICD_CONFIG = Setting.text("cicdConfig",
            "the name of the configuration in cicd.yaml").defaultsTo(CicdConfigFile.DEFAULT_NAME);

    public static final Setting<String> RUN = Setting.text("run", "the name of a PipelineRun");

    public static final Setting<String> ONLY_RECIPIENTS = Setting.text("onlyRecipients",
            "';'-separated mail addresses that replace the notification's recipients").env("ONLY_RECIPIENTS");

    public static final Setting<String> ADDITIONAL_RECIPIENTS = Setting.text("additionalRecipients",
            "';'-separated mail addresses added to the notification's recipients").env("ADDITIONAL_RECIPIENTS");

        public static final Setting<Boolean> DISABLE_NOTIFICATIONS = Setting.of("disableNotifications",
            GlciSettings::flag, "the runs send no mail (true/false, as the pipeline passes it: True, yes, on, 1 ...)")
            .defaultsTo("false");

    public static final Setting<Instant> SOURCE_DATE_EPOCH = Setting.of("sourceDateEpoch", GlciSettings::epochSeconds,
            "seconds since 1970 that fix the clock of a render (reproducible builds)").env("SOURCE_DATE_EPOCH");

    public static final Setting<String> STATUS_DICT = Setting.text("statusDict",
            "the status of each task of a run, the JSON of the original's status_dict_str");

    public static final Setting<String> CHECKOUT_DIR = Setting.text("checkoutDir", "where a clone is made");

    // ---- the cluster -------------------------------------------------------------------------------------

    public static final Setting<String> KUBECONFIG = Setting.text("kubeconfig",
            "the kubeconfig file of the cluster; default KUBECONFIG, else ~/.kube/config, else the pod's account");

    public static final Setting<String> CONTEXT = Setting.text("context",
            "the kubeconfig context; default its current context");

    public static final Setting<Boolean> LOGS = Setting.of("logs", Boolean::valueOf,
            "while following a run, show the logs of all steps, not only of failed ones").defaultsTo("false");

    public static final Setting<String> TEKTON_API = Setting.of("tektonApi", GlciSettings::tektonApi,
            "the Tekton API version: v1 (Tekton 0.43 and later) or v1beta1 (Tekton 0.25)").defaultsTo("v1");

    public static final Setting<Integer> KEEP = Setting.integer("keep", 0, Integer.MAX_VALUE,
            "how many PipelineRuns to keep, newest first").defaultsTo("20");

    public static final Setting<Duration> TIMEOUT = Setting.of("timeout", GoDuration::parse,
            "how long to follow a run at most, e.g. 90m or 6h; 0 or none: the run's own timeout");

    // ---- credentials -------------------------------------------------------------------------------------

    public static final Setting<String> SECRETS_SERVER_ENDPOINT = Setting.text("secretsServerEndpoint",
            "the secrets server steps read credentials from; without one they mount the Secret 'secrets'")
            .env("SECRETS_SERVER_ENDPOINT", "SECRET_SERVER_ENDPOINT");

    public static final Setting<SecretCipher> SECRET_CIPHER_ALGORITHM = Setting.of("secretCipherAlgorithm",
            GlciSettings::cipher, "the algorithm the credentials document is encrypted with; PLAINTEXT: none")
            .env("SECRET_CIPHER_ALGORITHM").defaultsTo("PLAINTEXT");

    public static final Setting<String> SECRET_KEY = Setting.text("secretKey",
            "the base64 AES key of the credentials document").secretEnv("SECRET_KEY");

    public static final Setting<String> SECRETS_SERVER_CACHE = Setting.text("secretsServerCache",
            "the mounted credentials document inside a pipeline step").secretEnv("SECRETS_SERVER_CACHE");

    // ---- the build-result store --------------------------------------------------------------------------

    public static final Setting<URI> S3_ENDPOINT = Setting.of("s3Endpoint", GlciSettings::endpoint,
            "an S3 endpoint instead of AWS's, e.g. http://127.0.0.1:8081 (buckets are then addressed path-style)")
            .env("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");

    public static final Setting<Integer> S3_CONCURRENCY = Setting.integer("s3Concurrency", 1, 64,
            "parallel requests to S3").defaultsTo("8");

    /** At most 1 GiB: each request in flight holds a part in memory. */
    public static final Setting<Integer> PART_SIZE_MIB = Setting.integer("partSizeMiB", 5, 1024,
            "the size of a multipart part in MiB; files of twice that size and more go in parts").defaultsTo("16");

    public static final Setting<Integer> MAX_AGE_DAYS = Setting.integer("maxAgeDays", 0, 100_000,
            "builds older than this many days are purged").defaultsTo("30");

    public static final Setting<String> PACKAGE_DIR = Setting.text("packageDir",
            "the package build's output folder; its main/ is uploaded");

    public static final Setting<Integer> PAGE_SIZE = Setting.integer("pageSize", 1, 1000, "keys per list request")
            .defaultsTo("1000");

    private GlciSettings() {
    }

    /** How libraries refer to a goal in messages: {@code goal 'watch'}; front ends put it in their own words. */
    public static String goal(String name) {
        return GOAL_PREFIX + name + "'";
    }

    /** What {@link #goal(String)} starts with; front ends recognise goal mentions by it. */
    public static final String GOAL_PREFIX = "goal '";

    /** Every setting of the table (the public constants above, found by reflection so that none is left out). */
    public static List<Setting<?>> all() {
        List<Setting<?>> settings = new ArrayList<>();
        for (Field field : GlciSettings.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class) {
                try {
                    settings.add((Setting<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(settings);
    }

    /** A boolean as the original's pipelines pass them: Python's {@code True}, {@code yes}, {@code 1} and so on. */
    private static Boolean flag(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1", "y", "t" -> true;
            case "false", "no", "off", "0", "n", "f" -> false;
            default -> throw new IllegalArgumentException("not a boolean; use true or false");
        };
    }

    private static Architecture architecture(String text) {
        return Architecture.find(text).orElseThrow(() -> new IllegalArgumentException("not an architecture; allowed: "
                + Architecture.allowed()));
    }

    private static List<String> commaList(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
    }

    private static Instant epochSeconds(String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds >= 0) {
                return Instant.ofEpochSecond(seconds);
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a time; allowed: whole seconds since 1970-01-01T00:00:00Z, 0 or more");
    }

    private static String tektonApi(String text) {
        if (text.equals("v1") || text.equals("v1beta1")) {
            return text;
        }
        throw new IllegalArgumentException("not a Tekton API version; allowed: v1, v1beta1");
    }

    private static SecretCipher cipher(String text) {
        return WireValue.find(SecretCipher.class, text.toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("not supported; allowed: "
                        + WireValue.allowed(SecretCipher.class)));
    }

    private static URI endpoint(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("not an http(s) URL; write it like http://127.0.0.1:8081");
    }
}
