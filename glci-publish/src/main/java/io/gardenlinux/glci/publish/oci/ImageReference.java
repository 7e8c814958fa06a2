package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.GlciException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference, {@code registry[:port]/repository[:tag][@digest]}, split as the distribution
 * specification splits it: the registry is the first path component when it contains a {@code .} or a {@code :} or
 * is {@code localhost}, otherwise the reference is on Docker Hub. Unlike the original CI, which split the whole
 * reference on {@code :}, a registry with a port works.
 *
 * @param registry the registry host, with its port if any, e.g. {@code eu.gcr.io} or {@code 127.0.0.1:5000}
 * @param repository the repository, e.g. {@code gardener-project/gardenlinux/gardenlinux-build}
 * @param tag the tag, or {@code null} when the reference has none
 * @param digest the digest, or {@code null} when the reference has none
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    /** Docker Hub, the registry of a reference without a registry component. */
    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern REPOSITORY =
            Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
    private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9.-]+(?::[0-9]{1,5})?|\\[[0-9A-Fa-f:]+](?::[0-9]{1,5})?");
    private static final String FORM = "expected [registry[:port]/]repository[:tag][@sha256:<64 hex digits>], "
            + "repository in lower case";

    public ImageReference {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        requireValid(registry + "/" + repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : ""),
                registry, repository, tag, digest);
    }

    private static void requireValid(String shown, String registry, String repository, String tag, String digest) {
        if (!REGISTRY.matcher(registry).matches()) {
            throw invalid(shown, "registry '" + registry + "' is not a host[:port]");
        }
        if (!REPOSITORY.matcher(repository).matches()) {
            throw invalid(shown, "repository '" + repository + "' is not valid");
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw invalid(shown, "tag '" + tag
                    + "' is not valid (letters, digits, _ . -, at most 128, not starting with . or -)");
        }
        if (digest != null && !DIGEST.matcher(digest).matches()) {
            throw invalid(shown, "digest '" + digest + "' is not valid");
        }
    }

    /** Parses {@code reference}; a {@link GlciException} naming the value and the expected form when it is not one. */
    public static ImageReference parse(String reference) {
        Objects.requireNonNull(reference, "reference");
        String rest = reference.trim();
        if (rest.isEmpty()) {
            throw invalid(reference, "it is empty");
        }
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        requireValid(reference, registry, rest, tag, digest);
        return new ImageReference(registry, rest, tag, digest);
    }

    private static GlciException invalid(String reference, String why) {
        return new GlciException("invalid image reference '" + reference + "': " + why + "; " + FORM);
    }

    /** The same repository with {@code tag} and no digest. */
    public ImageReference withTag(String newTag) {
        return new ImageReference(registry, repository, Objects.requireNonNull(newTag, "tag"), null);
    }

    /** The same repository with {@code digest} and no tag. */
    public ImageReference withDigest(String newDigest) {
        return new ImageReference(registry, repository, null, Objects.requireNonNull(newDigest, "digest"));
    }

    /** The repository without tag or digest, {@code registry/repository}. */
    public String repositoryName() {
        return registry + "/" + repository;
    }

    /** The tag, or else the digest: what the manifest endpoint is asked for. */
    public Optional<String> manifestReference() {
        return Optional.ofNullable(digest != null ? digest : tag);
    }

    /** The host that serves the registry API ({@code registry-1.docker.io} for Docker Hub). */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? "registry-1.docker.io" : registry;
    }

    /**
     * Whether the registry is on this machine ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}): the only
     * registries glci talks to over plain HTTP.
     */
    public boolean isLoopback() {
        String host = registry.startsWith("[") ? registry.substring(1, registry.indexOf(']'))
                : registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            return false; // a name: resolving it would let DNS decide whether credentials travel in clear text
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return repositoryName() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
