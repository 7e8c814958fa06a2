package io.gardenlinux.glci.publish.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.model.credentials.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloneTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private GitFixture fixture;
    private RevCommit first;
    private RevCommit second;
    private final GitFixture.Lines reporter = new GitFixture.Lines();

    @BeforeEach
    void repository() throws Exception {
        fixture = new GitFixture(tmp);
        Git work = fixture.work("work");
        first = GitFixture.commitAndPush(work, "main", "first", Map.of("VERSION", "318.0\n"));
        work.tag().setName("318.0").setAnnotated(true).setMessage("release 318.0").call();
        work.push().setPushTags().call();
        second = GitFixture.commitAndPush(work, "feature", "second\n\nwith a body", Map.of("VERSION", "318.1\n"));
    }

    private Clone.Result clone(String committish, Path dir) {
        return new Clone(reporter).clone(new Clone.Request(fixture.remote(), committish, dir, TIMEOUT));
    }

    @Test
    void checksOutABranchATagOrACommit() throws Exception {
        Clone.Result branch = clone("feature", tmp.resolve("branch"));
        assertThat(branch.commit()).isEqualTo(second.name());
        assertThat(branch.message()).isEqualTo("second\n\nwith a body");
        assertThat(Files.readString(tmp.resolve("branch/VERSION"))).isEqualTo("318.1\n");

        assertThat(clone("318.0", tmp.resolve("tag")).commit()).isEqualTo(first.name());
        assertThat(Files.readString(tmp.resolve("tag/VERSION"))).isEqualTo("318.0\n");

        assertThat(clone(first.name(), tmp.resolve("commit")).commit()).isEqualTo(first.name());
        try (Git git = Git.open(tmp.resolve("commit").toFile())) {
            assertThat(git.status().call().isClean()).isTrue();
            assertThat(git.getRepository().getFullBranch()).isEqualTo(first.name());
            // every branch of the remote is there for later steps (release, CODEOWNERS)
            assertThat(git.getRepository().resolve("origin/feature")).isEqualTo(second.getId());
        }
        assertThat(reporter.lines).contains("commit " + first.name(), "first");
    }

    @Test
    void clonesIntoAnEmptyFolderButNotOverAnything() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(clone("main", empty).commit()).isEqualTo(first.name());

        Path used = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(used.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> clone("main", used))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining(used + ": the checkout folder is not empty");
        assertThat(Files.readString(used.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void anUnknownCommittishLeavesNoCheckoutBehind() throws Exception {
        Path dir = tmp.resolve("checkout");
        assertThatThrownBy(() -> clone("no-such-branch", dir))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("committish 'no-such-branch' is neither a branch, a tag nor a commit of "
                        + fixture.url());
        assertThat(dir).doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("origin.git", "work");
        }
    }

    @Test
    void cloneAndReleaseGoOverHttpsAsTheTechnicalUserOfTheHostsGithubEntry() throws Exception {
        try (GitHttpServer server = new GitHttpServer(tmp, "gardenlinux-bot", "s3cr3t-token")) {
            Credentials credentials = GitFixture.credentials("""
                    {"github": {"local": {"httpUrl": "%s", "apiUrl": "%s/api/v3",
                      "technical_users": [{"username": "gardenlinux-bot", "password": "wrong-password",
                        "authToken": "s3cr3t-token", "emailAddress": "bot@example.org"}]}}}
                    """.formatted(server.baseUrl(), server.baseUrl()));
            // the ssh form of the URL is reached over https, as the original's clone step did
            GitRemote remote = GitRemote.resolve("ssh://git@127.0.0.1/origin.git", credentials, "clone");
            assertThat(remote.uri()).isEqualTo(server.baseUrl() + "/origin.git");

            Path checkout = tmp.resolve("checkout");
            Clone.Result result = new Clone(reporter).clone(new Clone.Request(remote, "main", checkout, TIMEOUT));
            assertThat(result.commit()).isEqualTo(first.name());

            new ReleaseBranches(reporter).release(new ReleaseBranches.Request(PublishingActions.parse("release"),
                    checkout, "main", remote, Optional.of(318), Optional.empty(), LocalDate.of(2021, 2, 12), TIMEOUT))
                    .orElseThrow();
            RevCommit tip = fixture.branchTip("rel-318");
            assertThat(tip.getFullMessage()).isEqualTo("prepare release of gardenlinux-318.1");
            assertThat(tip.getAuthorIdent().getName()).isEqualTo("gardenlinux-bot");
            assertThat(tip.getAuthorIdent().getEmailAddress()).isEqualTo("bot@example.org");
            assertThat(server.requests).isNotEmpty().allMatch(r -> r.endsWith(" as gardenlinux-bot")
                    || r.endsWith(" as anonymous"));
            assertThat(server.requests).anyMatch(r -> r.startsWith("POST /origin.git/git-receive-pack as"
                    + " gardenlinux-bot"));
            assertThat(String.join("\n", reporter.lines)).doesNotContain("s3cr3t-token");
        }
    }

    @Test
    void wrongCredentialsAreReportedWithoutTheSecret() {
        try (GitHttpServer server = new GitHttpServer(tmp, "gardenlinux-bot", "the-right-one")) {
            Credentials credentials = GitFixture.credentials("""
                    {"github": {"local": {"httpUrl": "%s", "apiUrl": "%s/api/v3",
                      "technical_users": [{"username": "gardenlinux-bot", "authToken": "not-the-token"}]}}}
                    """.formatted(server.baseUrl(), server.baseUrl()));
            GitRemote remote = GitRemote.resolve(server.baseUrl() + "/origin.git", credentials, "clone");
            assertThatThrownBy(() -> new Clone(reporter).clone(new Clone.Request(remote, "main",
                    tmp.resolve("checkout"), TIMEOUT)))
                    .isInstanceOf(GlciException.class)
                    .hasMessageStartingWith("Unable to clone " + server.baseUrl() + "/origin.git as gardenlinux-bot"
                            + " (github credential 'local')")
                    .hasMessageNotContaining("not-the-token");
            assertThat(tmp.resolve("checkout")).doesNotExist();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
