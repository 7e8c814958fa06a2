package io.gardenlinux.glci.publish.packages;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code upload-packages}: uploads the built Debian packages of {@code <package dir>/main} to the package bucket as
 * {@code <prefix>/main/<relative path>}, with {@code +} removed from the names, as the original's
 * {@code upload-packages-s3} step does.
 */
public final class PackageUploader {

    private final S3Client s3;
    private final String bucket;
    private final Reporter reporter;

    public PackageUploader(S3Client s3, String bucket, Reporter reporter) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    /** The key of the file at {@code relative} (below {@code main/}): {@code <prefix>/main/<relative>} without '+'. */
    public static String key(String prefix, Path relative) {
        String path = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return trimmed + "/main/" + path.replace("+", "");
    }

    /** Uploads every regular file below {@code packageDir/main}; returns the keys written. */
    public List<String> upload(Path packageDir, String prefix) {
        Path main = packageDir.resolve("main");
        if (!Files.isDirectory(main)) {
            throw new GlciException(main + ": no such directory; expected the built packages below"
                    + " main/ of " + GlciSettings.PACKAGE_DIR.mention());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(main)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new GlciException(main + ": cannot list the packages: " + e.getMessage(), e);
        }
        for (Path file : files) {
            String key = key(prefix, main.relativize(file));
            try {
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
            } catch (SdkException e) {
                throw new GlciException("s3://" + bucket + "/" + key + ": cannot upload " + file + ": "
                        + e.getMessage(), e);
            }
            reporter.info("uploaded " + file + " to s3://" + bucket + "/" + key);
        }
        reporter.info(files.size() + " package files uploaded to s3://" + bucket + "/" + key(prefix, Path.of("")));
        return files.stream().map(f -> key(prefix, main.relativize(f))).toList();
    }
}
