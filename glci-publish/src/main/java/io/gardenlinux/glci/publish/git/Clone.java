package io.gardenlinux.glci.publish.git;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Clones a Garden Linux repository and checks out a committish, as every Task's {@code clone-repo-step} does. The
 * clone is made next to the target folder and moved into place when it is complete, so that a failed clone leaves
 * no half-filled checkout behind.
 */
public final class Clone {

    private final Reporter reporter;

    public Clone(Reporter reporter) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    /**
     * What to clone.
     *
     * @param remote the repository and how to reach it ({@link GitRemote#resolve})
     * @param committish a branch, tag or commit id to check out (detached)
     * @param directory the folder to clone into; it must not exist or be empty
     * @param timeout how long one network operation may stall
     */
    public record Request(GitRemote remote, String committish, Path directory, Duration timeout) {
        public Request {
            Objects.requireNonNull(remote, "remote");
            Objects.requireNonNull(committish, "committish");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(timeout, "timeout");
            if (committish.isBlank()) {
                throw new IllegalArgumentException("no committish given (" + GlciSettings.COMMITTISH.mention()
                        + "): name a branch, tag or commit id to check out");
            }
        }
    }

    /**
     * The checkout.
     *
     * @param directory where it is
     * @param commit the checked-out commit id
     * @param message the commit's message
     */
    public record Result(Path directory, String commit, String message) {
    }

    /** Clones, checks out the committish and reports the folder, the commit id and its message. */
    public Result clone(Request request) {
        Path target = request.directory().toAbsolutePath().normalize();
        requireEmpty(target);
        Path parent = target.getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".clone-");
        } catch (IOException e) {
            throw new GlciException(target + ": cannot create the checkout folder: " + e.getMessage(), e);
        }
        reporter.info("Cloning " + request.remote().describe() + " into " + target);
        try {
            Result staged = cloneInto(request, staging);
            moveIntoPlace(staging, target);
            Result result = new Result(target, staged.commit(), staged.message());
            reporter.info("Checked out " + request.committish() + " in " + target);
            reporter.info("commit " + result.commit());
            reporter.info(result.message().strip());
            return result;
        } finally {
            deleteRecursively(staging);
        }
    }

    private Result cloneInto(Request request, Path staging) {
        CloneCommand clone = Git.cloneRepository()
                .setURI(request.remote().uri())
                .setDirectory(staging.toFile())
                .setNoCheckout(true)
                .setCloneAllBranches(true)
                .setTimeout(Math.toIntExact(Math.max(1, request.timeout().toSeconds())));
        request.remote().credentialsProvider().ifPresent(clone::setCredentialsProvider);
        try (Git git = clone.call()) {
            Repository repository = git.getRepository();
            ObjectId id = resolveCommittish(repository, request.committish(), request.remote().url());
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(id);
                checkoutDetached(repository, commit);
                return new Result(staging, id.name(), commit.getFullMessage());
            }
        } catch (GitAPIException e) {
            throw new GlciException("Unable to clone " + request.remote().describe() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new GlciException("Unable to check out " + request.committish() + " of " + request.remote().url()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Writes the commit's files into the (empty) work tree and points a detached HEAD at it. */
    private static void checkoutDetached(Repository repository, RevCommit commit) throws IOException {
        DirCacheCheckout checkout = new DirCacheCheckout(repository, repository.lockDirCache(), commit.getTree());
        checkout.setFailOnConflict(true);
        checkout.checkout();
        RefUpdate head = repository.updateRef(Constants.HEAD, true);
        head.setNewObjectId(commit);
        head.forceUpdate();
    }

    /**
     * A branch of the remote, a tag or a commit id (or {@code HEAD}, the checkout's), in this order, as the commit
     * it names; an error naming the committish when none matches.
     */
    static ObjectId resolveCommittish(Repository repository, String committish, String url) throws IOException {
        String[] candidates = committish.equals(Constants.HEAD) ? new String[] {committish}
                : new String[] {Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + committish,
                        Constants.R_TAGS + committish, committish};
        for (String candidate : candidates) {
            ObjectId id;
            try {
                id = repository.resolve(candidate + "^{commit}");
            } catch (RevisionSyntaxException | AmbiguousObjectException | IncorrectObjectTypeException e) {
                id = null;
            }
            if (id != null) {
                return id;
            }
        }
        throw new GlciException("committish '" + committish + "' is neither a branch, a tag nor a commit of " + url);
    }

    private static void requireEmpty(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new GlciException(target + ": the checkout folder is a file; remove it or choose another folder"
                    + " (" + GlciSettings.CHECKOUT_DIR.mention() + ")");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw new GlciException(target + ": the checkout folder is not empty; remove it or choose another"
                        + " folder (" + GlciSettings.CHECKOUT_DIR.mention() + ")");
            }
        } catch (IOException e) {
            throw new GlciException(target + ": cannot read the checkout folder: " + e.getMessage(), e);
        }
    }

    private static void moveIntoPlace(Path staging, Path target) {
        try {
            Files.deleteIfExists(target);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } catch (IOException e) {
            throw new GlciException(target + ": cannot move the clone into place: " + e.getMessage(), e);
        }
    }

    private void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            reporter.warn("cannot remove the unfinished clone " + path + ": " + e.getMessage());
        }
    }
}
