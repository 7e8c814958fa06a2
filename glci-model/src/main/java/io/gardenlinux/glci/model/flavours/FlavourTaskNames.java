package io.gardenlinux.glci.model.flavours;

import io.gardenlinux.glci.model.Reporter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Tekton task names of the flavour builds of one pipeline. Each is the original's name
 * ({@link Flavour#originalTaskName()}) where that is a valid, unique DNS label of at most 63 characters. Otherwise
 * it is shortened deterministically and stays readable: the first characters of the original name, then {@code -}
 * and 8 hex digits of the SHA-256 of the flavour's canonical name prefix, and a warning says so. (The original cut
 * names at 64 characters, one more than Kubernetes accepts, and never checked for collisions.)
 */
public final class FlavourTaskNames {

    /** Kubernetes' limit for a DNS label, and so for a PipelineTask name. */
    public static final int MAX_LENGTH = 63;

    private static final int HASH_LENGTH = 8;

    private FlavourTaskNames() {
    }

    /**
     * Names the flavours' tasks in the order given.
     *
     * @param flavours the flavours of one pipeline, without duplicates
     * @param reserved names the pipeline's other tasks use, which a flavour task must not take
     * @param reporter receives a warning for each name glci had to change
     */
    public static Map<Flavour, String> assign(List<Flavour> flavours, Set<String> reserved, Reporter reporter) {
        Map<String, Integer> uses = new HashMap<>();
        for (Flavour flavour : flavours) {
            uses.merge(sanitised(flavour.originalTaskName()), 1, Integer::sum);
        }
        Map<Flavour, String> names = new LinkedHashMap<>();
        for (Flavour flavour : flavours) {
            String original = flavour.originalTaskName();
            String name = sanitised(original);
            String reason = null;
            if (name.length() > MAX_LENGTH) {
                reason = "is " + name.length() + " characters long, more than the " + MAX_LENGTH + " Kubernetes allows";
            } else if (uses.get(name) > 1) {
                reason = "is the name of another flavour's task too";
            } else if (reserved.contains(name)) {
                reason = "is the name of another task of the pipeline";
            }
            if (reason != null) {
                name = shortened(name, flavour);
            }
            if (!name.equals(original)) {
                reporter.warn("task name '" + original + "' of flavour " + flavour.canonicalNamePrefix() + " "
                        + (reason == null ? "is not a valid DNS label" : reason) + "; using '" + name + "'");
            }
            names.put(flavour, name);
        }
        checkUnique(names.values(), reserved);
        return names;
    }

    /** Lower case, and every character a DNS label does not allow as {@code -}. */
    private static String sanitised(String name) {
        StringBuilder result = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            result.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? c : '-');
        }
        return result.toString();
    }

    private static String shortened(String name, Flavour flavour) {
        String prefix = name.substring(0, Math.min(name.length(), MAX_LENGTH - HASH_LENGTH - 1));
        while (prefix.endsWith("-")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix + "-" + sha256(flavour.canonicalNamePrefix()).substring(0, HASH_LENGTH);
    }

    /** Distinct flavours have distinct canonical name prefixes; only a clash of 32-bit hashes could break this. */
    private static void checkUnique(Collection<String> names, Set<String> reserved) {
        Set<String> seen = new java.util.HashSet<>(reserved);
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalStateException("two flavour tasks were named '" + name + "'");
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
