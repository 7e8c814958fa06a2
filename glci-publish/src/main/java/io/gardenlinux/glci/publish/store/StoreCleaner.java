package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.manifests.ManifestKeys;
import io.gardenlinux.glci.model.manifests.OnlineReleaseManifest;
import io.gardenlinux.glci.model.manifests.OnlineReleaseManifestSet;
import io.gardenlinux.glci.model.manifests.ReleaseManifest;
import io.gardenlinux.glci.model.manifests.S3ReleaseFile;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code clean}: the original's {@code clean-build-result-repository}. Purges single manifests and snapshot manifest
 * sets whose build is older than a number of days, then every object under {@code objects/} that no remaining
 * manifest or set (of any build type) refers to. With a dry run it reports what would go and deletes nothing.
 *
 * <p>A manifest or set that cannot be read is kept and warned about; then nobody can tell which objects it needs,
 * so no object is purged in that run.
 */
public final class StoreCleaner {

    private static final int LOADERS = 16;

    private final BuildResultStore store;
    private final Clock clock;

    public StoreCleaner(BuildResultStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What was (or, in a dry run, would be) purged.
     *
     * @param manifests single manifests
     * @param sets snapshot manifest sets
     * @param objects unreferenced objects
     * @param dryRun whether nothing was deleted
     */
    public record Report(List<String> manifests, List<String> sets, List<String> objects, boolean dryRun) {
        public Report {
            manifests = List.copyOf(manifests);
            sets = List.copyOf(sets);
            objects = List.copyOf(objects);
        }
    }

    public Report clean(int maxAgeDays, boolean dryRun) {
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException("maxAgeDays is " + maxAgeDays + "; it must be 0 or more days");
        }
        Reporter reporter = store.reporter();
        String verb = dryRun ? "would purge " : "purged ";
        LocalDateTime oldest = LocalDateTime.now(clock).minusDays(maxAgeDays);
        boolean unreadable = false;

        reporter.info("purging outdated build snapshot manifests");
        Map<String, Optional<OnlineReleaseManifest>> singles = load(keys(ManifestKeys.SINGLES_PREFIX + "/"),
                store::manifest);
        List<String> oldManifests = new ArrayList<>();
        Set<String> referenced = new HashSet<>();
        for (var single : singles.entrySet()) {
            if (single.getValue().isEmpty()) {
                unreadable = true;
                continue;
            }
            ReleaseManifest manifest = single.getValue().get().manifest();
            if (isOld(single.getKey(), manifest, oldest)) {
                oldManifests.add(single.getKey());
            } else {
                addReferences(manifest, referenced);
            }
        }
        deleteAndReport(oldManifests, verb, dryRun);

        reporter.info("purging outdated build result snapshot sets (release-candidates)");
        Map<String, Optional<OnlineReleaseManifestSet>> sets = load(keys(ManifestKeys.SETS_PREFIX + "/"),
                store::manifestSet);
        String snapshots = ManifestKeys.SETS_PREFIX + "/" + BuildType.SNAPSHOT.wireValue() + "/";
        List<String> oldSets = new ArrayList<>();
        for (var entry : sets.entrySet()) {
            if (entry.getValue().isEmpty()) {
                unreadable = true;
                continue;
            }
            OnlineReleaseManifestSet set = entry.getValue().get();
            List<OnlineReleaseManifest> manifests = set.set().manifests();
            if (entry.getKey().startsWith(snapshots) && manifests.isEmpty()) {
                reporter.warn(entry.getKey() + " did not contain any manifests");
            }
            if (entry.getKey().startsWith(snapshots) && !manifests.isEmpty()
                    && isOld(entry.getKey(), manifests.get(0).manifest(), oldest)) {
                oldSets.add(entry.getKey());
            } else {
                manifests.forEach(m -> addReferences(m.manifest(), referenced));
                addLogReferences(set.set().otherKeys(), referenced);
            }
        }
        deleteAndReport(oldSets, verb, dryRun);

        reporter.info("purging loose objects");
        List<String> loose = new ArrayList<>();
        if (unreadable) {
            reporter.warn("not purging loose objects: some manifests could not be read (see above), so the objects"
                    + " they refer to are unknown");
        } else {
            store.list(ManifestKeys.OBJECTS_PREFIX + "/", 1000, page -> {
                List<String> unreferenced = page.stream().map(S3Object::key).filter(k -> !referenced.contains(k))
                        .toList();
                if (!dryRun) {
                    store.delete(unreferenced);
                }
                loose.addAll(unreferenced);
            });
            reporter.info(verb + "len(loose_object_keys)=" + loose.size() + " unreferenced objs");
        }
        reporter.info(verb + oldManifests.size() + " manifests, " + oldSets.size() + " snapshot sets, "
                + loose.size() + " objects" + (dryRun ? " (dry run: nothing deleted)" : ""));
        return new Report(oldManifests, oldSets, loose, dryRun);
    }

    private List<String> keys(String prefix) {
        // "directory" placeholders of some S3 tools are empty objects ending in '/'
        return store.list(prefix).stream().map(S3Object::key).filter(k -> !k.endsWith("/")).toList();
    }

    private boolean isOld(String key, ReleaseManifest manifest, LocalDateTime oldest) {
        try {
            return manifest.buildTime().isBefore(oldest);
        } catch (IllegalArgumentException e) {
            store.reporter().warn(key + ": " + e.getMessage() + "; kept");
            return false;
        }
    }

    private void addReferences(ReleaseManifest manifest, Set<String> referenced) {
        for (S3ReleaseFile path : manifest.paths()) {
            if (path.s3BucketName().equals(store.bucket())) {
                referenced.add(path.s3Key());
            }
        }
        addLogReferences(manifest.otherKeys(), referenced);
    }

    /** The later original attaches {@code logs} (one release file or a list of them) to manifests and sets. */
    private void addLogReferences(Map<String, Object> otherKeys, Set<String> referenced) {
        Object logs = otherKeys.get("logs");
        Collection<?> files = logs instanceof Collection<?> c ? c : logs == null ? List.of() : List.of(logs);
        for (Object file : files) {
            if (file instanceof Map<?, ?> map && map.get("s3_key") instanceof String key
                    && store.bucket().equals(map.get("s3_bucket_name"))) {
                referenced.add(key);
            }
        }
    }

    private void deleteAndReport(List<String> keys, String verb, boolean dryRun) {
        keys.forEach(k -> store.reporter().info(verb + k));
        if (!dryRun) {
            store.delete(keys);
        }
    }

    /**
     * Loads documents in parallel; an unreadable one is warned about and maps to empty, one deleted since it was
     * listed is left out.
     */
    private <T> Map<String, Optional<T>> load(List<String> keys, Function<String, Optional<T>> loader) {
        ExecutorService pool = Executors.newFixedThreadPool(LOADERS, r -> {
            Thread thread = new Thread(r, "glci-clean");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, CompletableFuture<Optional<T>>> futures = new java.util.LinkedHashMap<>();
            for (String key : keys) {
                futures.put(key, CompletableFuture.supplyAsync(() -> {
                    try {
                        // null: deleted since it was listed; nothing to keep or purge
                        Optional<T> document = loader.apply(key);
                        return document.isPresent() ? document : null;
                    } catch (GlciException e) {
                        store.reporter().warn(key + ": cannot be read, kept: " + e.getMessage());
                        return Optional.<T>empty();
                    }
                }, pool));
            }
            Map<String, Optional<T>> loaded = new java.util.LinkedHashMap<>();
            for (var f : futures.entrySet()) {
                try {
                    Optional<T> value = f.getValue().join();
                    if (value != null) {
                        loaded.put(f.getKey(), value);
                    }
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            return loaded;
        } finally {
            pool.shutdownNow();
        }
    }
}
