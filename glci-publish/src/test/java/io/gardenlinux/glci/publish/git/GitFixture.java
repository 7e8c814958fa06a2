package io.gardenlinux.glci.publish.git;

import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.credentials.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Local git repositories for the tests: a bare "origin" and working clones of it. */
final class GitFixture {

    static final PersonIdent DEVELOPER = new PersonIdent("Dev Eloper", "dev@example.org");

    final Path root;
    final Path bare;

    GitFixture(Path root) throws GitAPIException {
        this.root = root;
        this.bare = root.resolve("origin.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    }

    String url() {
        return bare.toUri().toString();
    }

    static Credentials noCredentials() {
        return Credentials.readDocument("{}".getBytes(StandardCharsets.UTF_8), "test");
    }

    static Credentials credentials(String json) {
        return Credentials.readDocument(json.getBytes(StandardCharsets.UTF_8), "test credentials");
    }

    GitRemote remote() {
        return GitRemote.resolve(url(), noCredentials(), "clone");
    }

    /** A working clone of the bare repository at {@code branch} (created from main when missing). */
    Git work(String name) throws GitAPIException {
        return Git.cloneRepository().setURI(url()).setDirectory(root.resolve(name).toFile()).call();
    }

    /** Commits {@code files} on the current branch of {@code git} and pushes it as {@code branch}. */
    static RevCommit commitAndPush(Git git, String branch, String message, Map<String, String> files)
            throws IOException, GitAPIException {
        Path dir = git.getRepository().getWorkTree().toPath();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        git.add().addFilepattern(".").call();
        RevCommit commit = git.commit().setMessage(message).setAuthor(DEVELOPER).setCommitter(DEVELOPER).call();
        git.push().add("HEAD:refs/heads/" + branch).call();
        return commit;
    }

    /** Every ref of the bare repository and where it points. */
    Map<String, String> refs() throws IOException {
        try (Repository repository = Git.open(bare.toFile()).getRepository()) {
            Map<String, String> refs = new TreeMap<>();
            for (Ref ref : repository.getRefDatabase().getRefs()) {
                if (ref.getObjectId() != null) {
                    refs.put(ref.getName(), ref.getObjectId().name());
                }
            }
            return refs;
        }
    }

    /** The commit a branch of the bare repository points at. */
    RevCommit branchTip(String branch) throws IOException {
        try (Repository repository = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(Constants.R_HEADS + branch);
            return id == null ? null : walk.parseCommit(id);
        }
    }

    /** A file's content at a commit of the bare repository. */
    String fileAt(ObjectId commit, String path) throws IOException {
        try (Repository repository = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repository);
                TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(commit).getTree())) {
            return tree == null ? null
                    : new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The paths of the files at a commit of the bare repository with their blob ids. */
    Map<String, String> treeAt(ObjectId commit) throws IOException {
        try (Repository repository = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repository);
                TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(true);
            Map<String, String> files = new TreeMap<>();
            while (tree.next()) {
                files.put(tree.getPathString(), tree.getObjectId(0).name());
            }
            return files;
        }
    }

    /** A reporter that keeps its lines, for assertions on what a person is told. */
    static final class Lines implements Reporter {
        final List<String> lines = new ArrayList<>();

        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add("WARN " + message);
        }
    }
}
