package io.gardenlinux.glci.model;

/**
 * Python's {@code str.strip(chars)} and {@code str.lstrip(chars)}, which the original CI's naming rules use: they
 * remove any of the given characters, not a prefix. Java's {@code strip()} only knows white space.
 */
public final class PythonStrings {

    private PythonStrings() {
    }

    /** {@code s} without leading and trailing characters that are in {@code chars}. */
    public static String strip(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return lstrip(s.substring(0, end), chars);
    }

    /** {@code s} without leading characters that are in {@code chars}. */
    public static String lstrip(String s, String chars) {
        int start = 0;
        while (start < s.length() && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        return s.substring(start);
    }
}
