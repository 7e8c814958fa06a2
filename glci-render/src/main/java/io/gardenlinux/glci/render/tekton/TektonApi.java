package io.gardenlinux.glci.render.tekton;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Tekton API version objects are rendered for: {@code tekton.dev/v1} (Tekton 0.43 and later, the default) or
 * {@code tekton.dev/v1beta1} as Tekton 0.25 serves it (the original CI's target).
 */
public enum TektonApi {
    V1("v1"),
    V1BETA1("v1beta1");

    /** The API group of Tasks, Pipelines and PipelineRuns. */
    public static final String GROUP = "tekton.dev";

    private final String version;

    TektonApi(String version) {
        this.version = version;
    }

    /** {@code v1} or {@code v1beta1}. */
    public String version() {
        return version;
    }

    /** {@code tekton.dev/v1} or {@code tekton.dev/v1beta1}. */
    public String apiVersion() {
        return GROUP + "/" + version;
    }

    /** The API of that version ({@code v1}, {@code v1beta1}, with or without {@code tekton.dev/}). */
    public static TektonApi of(String version) {
        String bare = version.strip().toLowerCase(Locale.ROOT);
        if (bare.startsWith(GROUP + "/")) {
            bare = bare.substring(GROUP.length() + 1);
        }
        for (TektonApi api : values()) {
            if (api.version.equals(bare)) {
                return api;
            }
        }
        throw new IllegalArgumentException("unknown Tekton API version '" + version + "'; allowed: "
                + Arrays.stream(values()).map(TektonApi::version).collect(Collectors.joining(", ")));
    }
}
