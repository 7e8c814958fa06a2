package io.gardenlinux.glci.publish.git;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.build.PublishingAction;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.model.versions.GardenlinuxEpoch;
import io.gardenlinux.glci.model.versions.GardenlinuxVersion;
import io.gardenlinux.glci.model.versions.ReleaseVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LsRemoteCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Cuts and advances Garden Linux release branches ({@code release-step}): the release branch of epoch {@code N} is
 * {@code rel-N}.
 * <ul>
 * <li>The release version is the {@code VERSION} file of the committish ({@code <epoch>.0} when it says
 * {@code today}).</li>
 * <li>The first release of an epoch ({@code N.0}) creates the branch at the committish; the branch must not
 * exist.</li>
 * <li>A patch release ({@code N.M}, {@code M > 0}) needs the branch, and the committish must contain its tip (the
 * original crashed here).</li>
 * <li>Either way one commit on top of the committish sets {@code VERSION} to the next patch level
 * ({@code prepare release of gardenlinux-N.M+1}) and becomes the branch's new tip.</li>
 * </ul>
 * Everything is checked before anything is sent, and the branch is updated in one push that is only accepted when
 * the branch is still where it was checked to be: a failed check or a concurrent change pushes nothing. The local
 * checkout (its work tree, index and branches) is left as it is.
 */
public final class ReleaseBranches {

    /** The file that holds the next release version. */
    public static final String VERSION_FILE = "VERSION";

    private final Reporter reporter;

    public ReleaseBranches(Reporter reporter) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    /**
     * A release.
     *
     * @param actions the run's publishing actions: nothing happens unless they hold {@code release}
     * @param repository the local clone holding the committish (the {@code clone} goal's checkout)
     * @param committish the commit to release: a branch of {@code origin}, a tag or a commit id
     * @param remote the repository the release branch is pushed to, and how
     * @param epoch the pipeline's Garden Linux epoch, if given; it must be the release version's epoch
     * @param buildBranch the branch the run built, if known; a patch release is expected to build the release branch
     * @param today the day a {@code VERSION} of {@code today} stands for, when no epoch is given
     * @param timeout how long one network operation may stall
     */
    public record Request(PublishingActions actions, Path repository, String committish, GitRemote remote,
            Optional<Integer> epoch, Optional<String> buildBranch, LocalDate today, Duration timeout) {
        public Request {
            Objects.requireNonNull(actions, "actions");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(committish, "committish");
            Objects.requireNonNull(remote, "remote");
            Objects.requireNonNull(epoch, "epoch");
            Objects.requireNonNull(buildBranch, "buildBranch");
            Objects.requireNonNull(today, "today");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * What was pushed.
     *
     * @param branch the release branch, e.g. {@code rel-318}
     * @param released the version released, e.g. {@code 318.0}
     * @param next the version {@code VERSION} now holds on the branch, e.g. {@code 318.1}
     * @param releasedCommit the committish's commit id
     * @param commit the id of the commit that bumped {@code VERSION}, the branch's new tip
     * @param created whether the branch was created (first release of the epoch)
     */
    public record Result(String branch, ReleaseVersion released, ReleaseVersion next, String releasedCommit,
            String commit, boolean created) {
    }

    /** Releases when the actions ask for it; empty (and a line saying so) when they do not. */
    public Optional<Result> release(Request request) {
        if (!request.actions().contains(PublishingAction.RELEASE)) {
            reporter.info("publishing_actions=[" + request.actions() + "] - will not perform release");
            return Optional.empty();
        }
        int seconds = Math.toIntExact(Math.max(1, request.timeout().toSeconds()));
        try (Git git = open(request.repository())) {
            Repository repository = git.getRepository();
            ObjectId released = Clone.resolveCommittish(repository, request.committish(),
                    request.repository().toString());
            ReleaseVersion version = releaseVersion(repository, released, request);
            ReleaseVersion next = version.nextPatch();
            String branch = version.releaseBranch();
            String branchRef = Constants.R_HEADS + branch;
            reporter.info("Releasing gardenlinux-" + version + " (" + request.committish() + " = " + released.name()
                    + ") on " + branch + " of " + request.remote().describe());

            Optional<ObjectId> tip = remoteBranch(request.remote(), branchRef, seconds);
            ObjectId expectedOld;
            if (version.isFirstOfEpoch()) {
                if (tip.isPresent()) {
                    throw new GlciException("release_branch='" + branch + "' already exists in " + request.remote()
                            .url() + " (at " + tip.get().name() + ") - aborting release of " + version + "; the first"
                            + " release of epoch " + version.epoch() + " creates it. Set VERSION to "
                            + version.epoch() + ".1 or later for a patch release");
                }
                expectedOld = ObjectId.zeroId();
            } else {
                if (tip.isEmpty()) {
                    throw new GlciException("release_branch='" + branch + "' does not exist in " + request.remote()
                            .url() + " - aborting patch-release " + version + "; release " + version.epoch()
                            + ".0 first, which creates it");
                }
                expectedOld = tip.get();
                requireContains(repository, request, released, branchRef, expectedOld);
                request.buildBranch().filter(b -> !b.equals(branch)).ifPresent(b -> reporter.warn("the run built"
                        + " branch '" + b + "'; patch release " + version + " goes onto " + branch));
            }

            PersonIdent ident = identity(request.remote(), repository);
            ObjectId commit = versionCommit(repository, released, next, ident);
            push(repository, request.remote(), commit, branchRef, expectedOld, seconds);
            reporter.info((version.isFirstOfEpoch() ? "Created " : "Updated ") + branch + ": " + commit.name()
                    + " '" + commitMessage(next) + "'");
            return Optional.of(new Result(branch, version, next, released.name(), commit.name(),
                    version.isFirstOfEpoch()));
        } catch (IOException e) {
            throw new GlciException(request.repository() + ": cannot read the checkout: " + e.getMessage(), e);
        }
    }

    /** The commit message of the {@code VERSION} bump. */
    public static String commitMessage(ReleaseVersion next) {
        return "prepare release of gardenlinux-" + next;
    }

    private static Git open(Path repository) {
        try {
            return Git.open(repository.toFile());
        } catch (IOException e) {
            throw new GlciException(repository + ": not a git checkout (" + e.getMessage() + "); run " + GlciSettings.goal("clone")
                    + " first or point " + GlciSettings.REPO_ROOT.mention() + " at the clone", e);
        }
    }

    private ReleaseVersion releaseVersion(Repository repository, ObjectId commit, Request request) throws IOException {
        String source = VERSION_FILE + " at " + request.committish();
        String content;
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk tree = TreeWalk.forPath(repository, VERSION_FILE, walk.parseCommit(commit).getTree())) {
            if (tree == null) {
                throw new InvalidInputException(new Problem(source, "", "file not found; a Garden Linux repository"
                        + " has a VERSION file holding the release version (X.Y)"));
            }
            ObjectLoader loader = repository.open(tree.getObjectId(0), Constants.OBJ_BLOB);
            content = new String(loader.getBytes(), StandardCharsets.UTF_8);
        }
        GardenlinuxVersion file = GardenlinuxVersion.parse(content, source);
        if (file.isToday()) {
            return new ReleaseVersion(request.epoch().orElseGet(() -> GardenlinuxEpoch.of(request.today())), 0);
        }
        ReleaseVersion version = file.nextReleaseVersion(request.today());
        if (request.epoch().isPresent() && request.epoch().get() != version.epoch()) {
            throw new InvalidInputException(new Problem(source, "", "holds " + version + ", but the run's epoch"
                    + " (" + GlciSettings.EPOCH.mention() + ") is " + request.epoch().get() + "; a release of epoch " + request.epoch().get()
                    + " needs VERSION " + request.epoch().get() + ".<patch>"));
        }
        return version;
    }

    private static LsRemoteCommand withAccess(LsRemoteCommand command, GitRemote remote, int seconds) {
        command.setRemote(remote.uri()).setTimeout(seconds);
        remote.credentialsProvider().ifPresent(command::setCredentialsProvider);
        return command;
    }

    private static Optional<ObjectId> remoteBranch(GitRemote remote, String branchRef, int seconds) {
        try {
            Map<String, Ref> heads = withAccess(Git.lsRemoteRepository(), remote, seconds).setHeads(true)
                    .callAsMap();
            return Optional.ofNullable(heads.get(branchRef)).map(Ref::getObjectId);
        } catch (GitAPIException e) {
            throw new GlciException("cannot list the branches of " + remote.describe() + ": " + e.getMessage(), e);
        }
    }

    private static void requireContains(Repository repository, Request request, ObjectId released,
            String branchRef, ObjectId tip) throws IOException {
        // a committish that contains the tip has the tip's objects: a tip this clone lacks is not contained
        boolean contained = repository.getObjectDatabase().has(tip);
        if (contained) {
            try (RevWalk walk = new RevWalk(repository)) {
                contained = walk.isMergedInto(walk.parseCommit(tip), walk.parseCommit(released));
            }
        }
        if (!contained) {
            throw new GlciException(request.committish() + " (" + released.name() + ") does not contain the tip"
                    + " of " + Repository.shortenRefName(branchRef) + " (" + tip.name() + ") - aborting"
                    + " patch-release; build the patch release from " + Repository.shortenRefName(branchRef));
        }
    }

    private static PersonIdent identity(GitRemote remote, Repository repository) {
        return remote.technicalUser()
                .map(user -> new PersonIdent(user.username(), user.emailAddress().orElse("")))
                .orElseGet(() -> new PersonIdent(repository));
    }

    /** A commit on top of {@code parent} whose tree differs only in {@code VERSION}, holding {@code next}. */
    private static ObjectId versionCommit(Repository repository, ObjectId parent, ReleaseVersion next,
            PersonIdent ident) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter(); RevWalk walk = new RevWalk(repository)) {
            RevCommit base = walk.parseCommit(parent);
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB,
                    (next + "\n").getBytes(StandardCharsets.UTF_8));
            DirCache index = DirCache.read(walk.getObjectReader(), base.getTree());
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(VERSION_FILE) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                }
            });
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setParentId(base);
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage(commitMessage(next));
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    private static void push(Repository repository, GitRemote remote, ObjectId commit, String branchRef,
            ObjectId expectedOld, int seconds) throws IOException {
        RemoteRefUpdate update = new RemoteRefUpdate(repository, (String) null, commit, branchRef, false, null,
                expectedOld);
        try (Transport transport = Transport.open(repository, new URIish(remote.uri()))) {
            transport.setTimeout(seconds);
            remote.credentialsProvider().ifPresent(transport::setCredentialsProvider);
            transport.push(NullProgressMonitor.INSTANCE, List.of(update));
        } catch (URISyntaxException e) {
            throw new GlciException("not a git URL: " + remote.uri(), e);
        } catch (org.eclipse.jgit.errors.TransportException e) {
            throw new GlciException("cannot push " + Repository.shortenRefName(branchRef) + " to "
                    + remote.describe() + ": " + e.getMessage(), e);
        }
        switch (update.getStatus()) {
            case OK, UP_TO_DATE -> {
            }
            case REJECTED_REMOTE_CHANGED -> throw new GlciException(Repository.shortenRefName(branchRef)
                    + " changed in " + remote.url() + " while the release was prepared - nothing was pushed; run"
                    + " the release again");
            default -> throw new GlciException(remote.url() + " refused the push to "
                    + Repository.shortenRefName(branchRef) + ": " + update.getStatus()
                    + Optional.ofNullable(update.getMessage()).map(m -> " (" + m + ")").orElse(""));
        }
    }
}
