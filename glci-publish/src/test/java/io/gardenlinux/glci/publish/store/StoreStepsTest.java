package io.gardenlinux.glci.publish.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.build.PublishingAction;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.model.flavours.FlavourSet;
import io.gardenlinux.glci.model.flavours.FlavoursFile;
import io.gardenlinux.glci.model.manifests.ManifestKeys;
import io.gardenlinux.glci.model.manifests.ManifestYaml;
import io.gardenlinux.glci.model.manifests.OnlineReleaseManifestSet;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import io.gardenlinux.glci.model.manifests.ReleaseManifest;
import io.gardenlinux.glci.model.manifests.S3ReleaseFile;
import io.gardenlinux.glci.publish.store.BuildSteps.PrebuildOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** prebuild, upload-results gating, finalise-promotion, manifest and clean against the S3 server. */
class StoreStepsTest {

    static final PublishingActions MANIFESTS = PublishingActions.of(PublishingAction.MANIFESTS);
    static final PublishingActions BUILD_ONLY = PublishingActions.of(PublishingAction.BUILD_ONLY);

    @TempDir
    Path dir;

    S3Client s3;
    String bucket;
    BuildResultStore store;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<String> infos = new CopyOnWriteArrayList<>();
    BuildSteps steps;

    @BeforeEach
    void bucket() {
        s3 = S3TestServer.client();
        bucket = S3TestServer.newBucket(s3);
        store = new BuildResultStore(s3, bucket, new Reporter() {
            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
                infos.add(message);
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        });
        steps = new BuildSteps(store, Fixtures.features());
    }

    @AfterEach
    void close() {
        s3.close();
    }

    /** Stores an object and a manifest of {@code build} built at {@code timestamp}; returns the manifest key. */
    String storeBuild(ReleaseIdentifier build, String timestamp, String content) {
        String key = ManifestKeys.objectKey(ResultUploader.sha1Of(content.getBytes()));
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
        ReleaseManifest manifest = new ReleaseManifest(build, timestamp, List.of(new S3ReleaseFile(
                "318-c03ea4-20210212/amd64/bullseye/rootfs.raw", "rootfs.raw", key, bucket)));
        String manifestKey = build.manifestKey(Fixtures.features());
        store.putManifest(manifestKey, ManifestYaml.write(manifest));
        return manifestKey;
    }

    // ---- prebuild ------------------------------------------------------------------------------------------

    @Test
    void prebuildFindsTheBuildAndWritesTheSkipMarker() throws IOException {
        storeBuild(Fixtures.awsBuild(), "2021-08-04T10:11:12", "raw");
        Path marker = dir.resolve("skip_build");

        assertThat(steps.prebuild(Fixtures.awsBuild(), MANIFESTS, marker)).isEqualTo(PrebuildOutcome.FOUND);

        assertThat(Files.readString(marker)).isEqualTo("skip build (already done)");
    }

    @Test
    void prebuildMatchesModifiersGivenInAnotherOrderOrNotNormalised() {
        storeBuild(Fixtures.awsBuild(), "2021-08-04T10:11:12", "raw");
        ReleaseIdentifier raw = new ReleaseIdentifier(Fixtures.COMMIT, "318.9", 318,
                Fixtures.awsBuild().architecture(), "aws", List.of("_prod", "gardener", "base", "cloud", "server",
                        "_slim", "_readonly", "_nopkg"));

        assertThat(steps.prebuild(raw, MANIFESTS, dir.resolve("skip_build"))).isEqualTo(PrebuildOutcome.FOUND);
    }

    @Test
    void prebuildWithoutManifestBuilds() {
        Path marker = dir.resolve("skip_build");

        assertThat(steps.prebuild(Fixtures.awsBuild(), MANIFESTS, marker)).isEqualTo(PrebuildOutcome.ABSENT);

        assertThat(marker).doesNotExist();
        assertThat(infos).contains("no matching build results found - will perform build");
    }

    @Test
    void prebuildWithAManifestOfAnotherBuildUnderTheKeyWarnsAndBuilds() {
        ReleaseIdentifier build = Fixtures.awsBuild();
        // same key (commit[:6], version, flavour), another full commit
        ReleaseIdentifier other = new ReleaseIdentifier("c03ea4ffffffffffffffffffffffffffffffffff", build.version(),
                build.gardenlinuxEpoch(), build.architecture(), build.platform(), build.modifiers());
        storeBuild(other, "2021-08-04T10:11:12", "raw");
        Path marker = dir.resolve("skip_build");

        assertThat(steps.prebuild(build, MANIFESTS, marker)).isEqualTo(PrebuildOutcome.MISMATCH);

        assertThat(marker).doesNotExist();
        assertThat(warnings).singleElement().asString()
                .contains("release_manifest_key=meta/singles/aws-cloud-gardener-_prod-318.9-c03ea4")
                .contains("unexpected contents");
    }

    @Test
    void prebuildWithBuildOnlyLooksNothingUp() {
        BuildSteps nowhere = new BuildSteps(new BuildResultStore(s3, bucket + "-missing", Reporter.silent()),
                Fixtures.features());

        assertThat(nowhere.prebuild(Fixtures.awsBuild(), BUILD_ONLY, dir.resolve("skip_build")))
                .isEqualTo(PrebuildOutcome.BUILD_ONLY);
    }

    @Test
    void prebuildFailsOnAMissingBucketAndOnAManifestThatIsNoYaml() {
        BuildSteps nowhere = new BuildSteps(new BuildResultStore(s3, bucket + "-missing", Reporter.silent()),
                Fixtures.features());
        assertThatThrownBy(() -> nowhere.prebuild(Fixtures.awsBuild(), MANIFESTS, dir.resolve("skip_build")))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining(bucket + "-missing").hasMessageContaining("NoSuchBucket");

        String key = Fixtures.awsBuild().manifestKey(Fixtures.features());
        store.putManifest(key, "{ this is: [ not yaml");
        assertThatThrownBy(() -> steps.prebuild(Fixtures.awsBuild(), MANIFESTS, dir.resolve("skip_build")))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining(bucket + "/" + key);
    }

    @Test
    void prebuildFailsOnRefusedCredentials() {
        S3Connection wrong = new S3Connection("us-east-1", "nobody",
                io.gardenlinux.glci.model.credentials.Secret.of("wrong"), Optional.of(S3TestServer.endpoint()), true,
                S3TestServer.TIMEOUTS, S3TestServer.RETRIES);
        try (S3Client refused = S3Clients.create(wrong, 2)) {
            BuildSteps steps = new BuildSteps(new BuildResultStore(refused, bucket, Reporter.silent()),
                    Fixtures.features());
            assertThatThrownBy(() -> steps.prebuild(Fixtures.awsBuild(), MANIFESTS, dir.resolve("skip_build")))
                    .isInstanceOf(GlciException.class)
                    .hasMessageContaining("s3://" + bucket)
                    .hasMessageContaining("HTTP 403")
                    .hasMessageNotContaining("wrong");
        }
    }

    // ---- upload-results gating ---------------------------------------------------------------------------------

    @Test
    void uploadResultsUploadsNothingWithBuildOnlyOrTheSkipMarker() throws IOException {
        ResultUploader uploader = new ResultUploader(store, UploadTuning.DEFAULT, Fixtures.CLOCK);
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), TestTarballs.result(9, 1000));
        Path marker = dir.resolve("skip_build");

        assertThat(steps.uploadResults(Fixtures.awsBuild(), BUILD_ONLY, marker, tarball, uploader)).isEmpty();
        Files.writeString(marker, BuildSteps.SKIP_MARKER_CONTENT);
        assertThat(steps.uploadResults(Fixtures.awsBuild(), MANIFESTS, marker, tarball, uploader)).isEmpty();
        assertThat(store.list("")).isEmpty();

        Files.delete(marker);
        assertThat(steps.uploadResults(Fixtures.awsBuild(), MANIFESTS, marker, tarball, uploader)).isPresent();
        assertThat(steps.prebuild(Fixtures.awsBuild(), MANIFESTS, marker)).isEqualTo(PrebuildOutcome.FOUND);
    }

    // ---- finalise-promotion --------------------------------------------------------------------------------

    FlavourSet flavourSet(String name) {
        return FlavoursFile.read(Fixtures.GARDENLINUX.resolve("flavours.yaml"), Fixtures.features()).flavourSet(name);
    }

    Promotion.Request request(FlavourSet set, BuildType type, PublishingActions actions) {
        return new Promotion.Request(set, Fixtures.COMMIT, "318.9", 318, type, actions);
    }

    @Test
    void finaliseWritesTheSetWithATimestampedNameAndItsKeyAsResult() throws IOException {
        FlavourSet all = flavourSet("all");
        for (var flavour : all.flavours()) {
            storeBuild(ReleaseIdentifier.of(flavour, Fixtures.COMMIT, "318.9", 318), "2021-08-04T10:11:12",
                    flavour.toString());
        }
        Path result = dir.resolve("results/manifest_set_key_result");
        Clock clock = Clock.fixed(Instant.parse("2021-08-04T23:59:58Z"), ZoneOffset.ofHours(2));

        Optional<String> key = new Promotion(store, Fixtures.features(), clock)
                .finalise(request(all, BuildType.SNAPSHOT, MANIFESTS), Optional.of(result));

        assertThat(key).contains("meta/sets/snapshot/318-c03ea4-all-20210804-235958");
        assertThat(Files.readString(result)).isEqualTo(key.get());
        OnlineReleaseManifestSet set = store.manifestSet(key.get()).orElseThrow();
        assertThat(set.set().flavourSetName()).isEqualTo("all");
        assertThat(set.set().manifests()).hasSize(all.flavours().size());
        assertThat(set.set().manifests().get(0).s3Bucket()).isEqualTo(bucket);
        assertThat(s3.headObject(b -> b.bucket(bucket).key(key.get())).contentType()).isEqualTo("text/yaml");
    }

    @Test
    void finaliseOfAReleaseUsesTheVersionName() {
        FlavourSet aws = flavourSet("aws");
        storeBuild(Fixtures.awsBuild(), "2021-08-04T10:11:12", "raw");

        Optional<String> key = new Promotion(store, Fixtures.features(), Fixtures.CLOCK)
                .finalise(request(aws, BuildType.RELEASE, MANIFESTS), Optional.empty());

        assertThat(key).contains("meta/sets/release/318.9-aws");
    }

    @Test
    void finaliseOfAnIncompleteSetFailsListingTheMissingFlavours() {
        FlavourSet all = flavourSet("all");
        storeBuild(Fixtures.awsBuild(), "2021-08-04T10:11:12", "raw");
        Path result = dir.resolve("manifest_set_key_result");

        assertThatThrownBy(() -> new Promotion(store, Fixtures.features(), Fixtures.CLOCK)
                .finalise(request(all, BuildType.SNAPSHOT, MANIFESTS), Optional.of(result)))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("release was not complete - will not promote")
                .hasMessageContaining((all.flavours().size() - 1) + " of " + all.flavours().size())
                .hasMessageContaining("amd64/gcp-")
                .hasMessageContaining("meta/singles/gcp-cloud-gardener-_prod-318.9-c03ea4")
                .hasMessageNotContaining("amd64/aws-");
        assertThat(result).doesNotExist();
        assertThat(store.list(ManifestKeys.SETS_PREFIX)).isEmpty();
    }

    @Test
    void finaliseWithBuildOnlyWritesAnEmptyResult() throws IOException {
        Path result = dir.resolve("manifest_set_key_result");

        assertThat(new Promotion(store, Fixtures.features(), Fixtures.CLOCK)
                .finalise(request(flavourSet("all"), BuildType.SNAPSHOT, BUILD_ONLY), Optional.of(result))).isEmpty();

        assertThat(Files.readString(result)).isEmpty();
    }

    // ---- manifest ------------------------------------------------------------------------------------------

    @Test
    void manifestShowsASingleAndASetAndNamesAMissingOne() {
        String single = storeBuild(Fixtures.awsBuild(), "2021-08-04T10:11:12", "raw");
        String setKey = new Promotion(store, Fixtures.features(), Fixtures.CLOCK)
                .finalise(request(flavourSet("aws"), BuildType.RELEASE, MANIFESTS), Optional.empty()).orElseThrow();
        ManifestListing listing = new ManifestListing(store);

        assertThat(listing.show(single)).contains("platform: aws").contains("s3_key: " + single);
        assertThat(listing.show(setKey)).startsWith("flavour_set_name: aws\nmanifests:\n");
        assertThatThrownBy(() -> listing.show("meta/singles/nothing")).hasMessageContaining("no such release found");
        assertThatThrownBy(() -> listing.show("meta/sets/release/nothing"))
                .hasMessageContaining("Did not find specified release-set");
    }

    @Test
    void theNewestSnapshotSetOfANameIsFound() {
        storeBuild(Fixtures.awsBuild(), "2021-08-04T10:11:12", "raw");
        for (String at : List.of("2021-08-04T10:00:00Z", "2021-08-05T09:00:00Z", "2021-08-04T23:00:00Z")) {
            new Promotion(store, Fixtures.features(), Clock.fixed(Instant.parse(at), ZoneOffset.UTC))
                    .finalise(request(flavourSet("aws"), BuildType.SNAPSHOT, MANIFESTS), Optional.empty());
        }
        store.putManifest("meta/sets/snapshot/318-c03ea4-aws-other", "flavour_set_name: x\nmanifests: []\n");
        ManifestListing listing = new ManifestListing(store);

        assertThat(listing.latestSetKey(BuildType.SNAPSHOT, "318-c03ea4-aws"))
                .isEqualTo("meta/sets/snapshot/318-c03ea4-aws-20210805-090000");
        assertThatThrownBy(() -> listing.latestSetKey(BuildType.DAILY, "318-c03ea4-aws"))
                .hasMessageContaining("Did not find specified release-set");
    }

    @Test
    void listingPagesThroughMoreThanAThousandKeys() {
        int count = 1234;
        List<java.util.concurrent.CompletableFuture<Void>> puts = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < count; i++) {
                String key = String.format("meta/singles/m-%04d", i);
                puts.add(java.util.concurrent.CompletableFuture.runAsync(
                        () -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("x")), pool));
            }
            puts.forEach(java.util.concurrent.CompletableFuture::join);
        } finally {
            pool.shutdown();
        }

        List<String> keys = new ManifestListing(store).list("meta/singles", 1000);

        assertThat(keys).hasSize(count).doesNotHaveDuplicates().contains("meta/singles/m-0000", "meta/singles/m-1233");
        assertThat(infos).containsSubsequence("found 1000 release manifests", "found 234 release manifests");
    }

    // ---- clean ---------------------------------------------------------------------------------------------

    /** An old and a new snapshot build, each in a snapshot set, and one loose object. */
    private List<String> oldAndNew() {
        ReleaseIdentifier old = ReleaseIdentifier.of(Fixtures.flavour("gcp", "gardener", "_prod"), Fixtures.COMMIT,
                "318.9", 318);
        String oldKey = storeBuild(old, "2021-06-01T10:00:00", "old");
        String newKey = storeBuild(Fixtures.awsBuild(), "2021-08-01T10:00:00", "new");
        String oldSet = "meta/sets/snapshot/318-c03ea4-old";
        String newSet = "meta/sets/snapshot/318-c03ea4-new";
        store.putManifest(oldSet, ManifestYaml.write(new io.gardenlinux.glci.model.manifests.ReleaseManifestSet("old",
                List.of(store.manifest(oldKey).orElseThrow()))));
        store.putManifest(newSet, ManifestYaml.write(new io.gardenlinux.glci.model.manifests.ReleaseManifestSet("new",
                List.of(store.manifest(newKey).orElseThrow()))));
        s3.putObject(b -> b.bucket(bucket).key("objects/loose"), RequestBody.fromString("loose"));
        return List.of(oldKey, newKey, oldSet, newSet);
    }

    @Test
    void cleanPurgesOldManifestsOldSnapshotSetsAndUnreferencedObjects() {
        List<String> keys = oldAndNew();
        String oldObject = ManifestKeys.objectKey(ResultUploader.sha1Of("old".getBytes()));
        String newObject = ManifestKeys.objectKey(ResultUploader.sha1Of("new".getBytes()));

        StoreCleaner.Report report = new StoreCleaner(store, Fixtures.CLOCK).clean(30, false);

        assertThat(report.manifests()).containsExactly(keys.get(0));
        assertThat(report.sets()).containsExactly(keys.get(2));
        assertThat(report.objects()).containsExactlyInAnyOrder(oldObject, "objects/loose");
        assertThat(store.list("").stream().map(o -> o.key()).toList())
                .containsExactlyInAnyOrder(keys.get(1), keys.get(3), newObject);
    }

    @Test
    void cleanKeepsTheLogsOfLaterManifestsAndSets() {
        List<String> keys = oldAndNew();
        // the later original attaches logs: one release file to a manifest, a list of them to a set
        String manifestLog = "objects/log-of-the-manifest";
        String setLog = "objects/log-of-the-set";
        String elsewhere = "objects/log-in-another-bucket";
        for (String key : List.of(manifestLog, setLog, elsewhere)) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
        }
        appendYaml(keys.get(1), "logs:\n  name: build.log\n  suffix: .log\n  s3_key: " + manifestLog
                + "\n  s3_bucket_name: " + bucket + "\n");
        appendYaml(keys.get(3), "logs:\n- name: build.log\n  suffix: .log\n  s3_key: " + setLog
                + "\n  s3_bucket_name: " + bucket + "\n- name: other.log\n  suffix: .log\n  s3_key: " + elsewhere
                + "\n  s3_bucket_name: another-bucket\n");

        StoreCleaner.Report report = new StoreCleaner(store, Fixtures.CLOCK).clean(30, false);

        assertThat(report.objects()).contains(elsewhere).doesNotContain(manifestLog, setLog);
        assertThat(store.head(manifestLog)).as("the log of a kept manifest").isPresent();
        assertThat(store.head(setLog)).as("the log of a kept set").isPresent();
        assertThat(store.head(elsewhere)).as("a log in another bucket refers to no object here").isEmpty();
    }

    private void appendYaml(String key, String yaml) {
        String document = new String(store.get(key).orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);
        store.putManifest(key, document + yaml);
    }

    @Test
    void cleanWithDryRunReportsTheSameAndDeletesNothing() {
        oldAndNew();
        List<String> before = store.list("").stream().map(o -> o.key()).toList();

        StoreCleaner.Report report = new StoreCleaner(store, Fixtures.CLOCK).clean(30, true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.manifests()).hasSize(1);
        assertThat(report.sets()).hasSize(1);
        assertThat(report.objects()).hasSize(2);
        assertThat(store.list("").stream().map(o -> o.key()).toList()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(infos).anyMatch(i -> i.startsWith("would purge meta/singles/gcp-"));
    }

    @Test
    void cleanKeepsObjectsWhenAManifestCannotBeRead() {
        oldAndNew();
        store.putManifest("meta/singles/broken", "not: [yaml");

        StoreCleaner.Report report = new StoreCleaner(store, Fixtures.CLOCK).clean(30, false);

        assertThat(report.objects()).isEmpty();
        assertThat(store.head("objects/loose")).isPresent();
        assertThat(store.head("meta/singles/broken")).isPresent();
        assertThat(warnings).anyMatch(w -> w.contains("meta/singles/broken"));
    }
}
