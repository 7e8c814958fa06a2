package io.gardenlinux.glci.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of glci itself: rendered steps run the glci plugin of the same version that rendered them. */
public final class GlciVersion {

    private static final String VERSION = load();

    private GlciVersion() {
    }

    /** E.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = GlciVersion.class.getResourceAsStream("glci-render.properties")) {
            if (in == null) {
                throw new IllegalStateException("glci-render.properties is missing from the glci-render jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
