package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.build.PublishingAction;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.flavours.Flavour;
import io.gardenlinux.glci.model.flavours.FlavourSet;
import io.gardenlinux.glci.model.manifests.ManifestKeys;
import io.gardenlinux.glci.model.manifests.ManifestYaml;
import io.gardenlinux.glci.model.manifests.OnlineReleaseManifest;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import io.gardenlinux.glci.model.manifests.ReleaseManifestSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code finalise-promotion}: once every flavour of a set is built, records the set as a manifest set
 * {@code meta/sets/<build type>/<name>} (snapshot and daily names end in a UTC timestamp {@code -YYYYmmdd-HHMMSS},
 * as the later original does) and tells the pipeline its key.
 */
public final class Promotion {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final BuildResultStore store;
    private final FeatureGraph features;
    private final Clock clock;

    public Promotion(BuildResultStore store, FeatureGraph features, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.features = Objects.requireNonNull(features, "features");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What to promote.
     *
     * @param flavourSet the flavour set whose builds form the set
     * @param committish the full commit that was built
     * @param version the target version
     * @param epoch the Garden Linux epoch
     * @param buildType snapshot, daily or release
     * @param actions the publishing actions; {@code build_only} promotes nothing
     */
    public record Request(FlavourSet flavourSet, String committish, String version, int epoch, BuildType buildType,
            PublishingActions actions) {
        public Request {
            Objects.requireNonNull(flavourSet, "flavourSet");
            Objects.requireNonNull(committish, "committish");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(buildType, "buildType");
            Objects.requireNonNull(actions, "actions");
        }
    }

    /**
     * Checks that every flavour's manifest is stored (else fails listing the missing flavours), writes the manifest
     * set and, when {@code resultPath} is given, the set's key into it. Empty with {@code build_only} (the result file
     * then holds an empty string).
     */
    public Optional<String> finalise(Request request, Optional<Path> resultPath) {
        Reporter reporter = store.reporter();
        if (request.actions().contains(PublishingAction.BUILD_ONLY)) {
            reporter.info(PublishingAction.BUILD_ONLY.wireValue() + " specified - exiting now");
            resultPath.ifPresent(p -> AtomicFiles.write(p, ""));
            return Optional.empty();
        }
        BuildSteps steps = new BuildSteps(store, features);
        List<OnlineReleaseManifest> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Flavour flavour : request.flavourSet().flavours()) {
            ReleaseIdentifier build = ReleaseIdentifier.of(flavour, request.committish(), request.version(),
                    request.epoch());
            Optional<OnlineReleaseManifest> manifest = steps.find(build);
            if (manifest.isPresent()) {
                found.add(manifest.get());
            } else {
                missing.add(flavour + " (" + build.manifestKey(features) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new GlciException("release was not complete - will not promote: " + missing.size() + " of "
                    + request.flavourSet().flavours().size() + " flavours of flavour set '"
                    + request.flavourSet().name() + "' have no build result in s3://" + store.bucket() + ":"
                    + missing.stream().map(m -> System.lineSeparator() + "  - " + m).collect(Collectors.joining()));
        }
        reporter.info("publishing actions: " + request.actions());
        String name = ManifestKeys.setName(request.buildType(), request.epoch(), request.committish(),
                request.version(), request.flavourSet().name());
        if (request.buildType() != BuildType.RELEASE) {
            name += "-" + LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(SUFFIX);
        }
        String key = ManifestKeys.setKey(request.buildType(), name);
        store.putManifest(key, ManifestYaml.write(new ReleaseManifestSet(request.flavourSet().name(), found)));
        reporter.info("uploaded manifest set: " + key + " (" + found.size() + " manifests)");
        resultPath.ifPresent(p -> AtomicFiles.write(p, key));
        return Optional.of(key);
    }
}
