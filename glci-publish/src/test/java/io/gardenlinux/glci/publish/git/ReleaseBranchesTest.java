package io.gardenlinux.glci.publish.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.model.versions.ReleaseVersion;
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

class ReleaseBranchesTest {

    private static final PublishingActions RELEASE = PublishingActions.parse("manifests,release");
    private static final LocalDate TODAY = LocalDate.of(2021, 2, 12); // epoch 318

    @TempDir
    Path tmp;

    private GitFixture fixture;
    private Git work;
    private final GitFixture.Lines reporter = new GitFixture.Lines();

    @BeforeEach
    void repository() throws Exception {
        fixture = new GitFixture(tmp);
        work = fixture.work("work");
        GitFixture.commitAndPush(work, "main", "initial", Map.of("VERSION", "# the next release\n318.0\n",
                "features/base/info.yaml", "description: base\n", "README.md", "Garden Linux\n"));
    }

    private ReleaseBranches.Request request(Path checkout, String committish, Optional<Integer> epoch) {
        return new ReleaseBranches.Request(RELEASE, checkout, committish, fixture.remote(), epoch, Optional.empty(),
                TODAY, Duration.ofSeconds(30));
    }

    /** A fresh clone of the bare repository, as the clone step leaves it. */
    private Path checkout(String committish) {
        Path dir = tmp.resolve("checkout-" + committish.replace('/', '_') + "-" + System.nanoTime());
        new Clone(reporter).clone(new Clone.Request(fixture.remote(), committish, dir, Duration.ofSeconds(30)));
        return dir;
    }

    @Test
    void firstReleaseCreatesTheBranchWithTheVersionBump() throws Exception {
        RevCommit released = fixture.branchTip("main");
        Path checkout = checkout("main");

        ReleaseBranches.Result result = new ReleaseBranches(reporter)
                .release(request(checkout, "main", Optional.of(318))).orElseThrow();

        assertThat(result.branch()).isEqualTo("rel-318");
        assertThat(result.created()).isTrue();
        assertThat(result.released()).isEqualTo(new ReleaseVersion(318, 0));
        assertThat(result.next()).isEqualTo(new ReleaseVersion(318, 1));
        RevCommit tip = fixture.branchTip("rel-318");
        assertThat(tip.name()).isEqualTo(result.commit());
        assertThat(tip.getFullMessage()).isEqualTo("prepare release of gardenlinux-318.1");
        assertThat(tip.getParentCount()).isEqualTo(1);
        assertThat(tip.getParent(0).name()).isEqualTo(released.name()).isEqualTo(result.releasedCommit());
        assertThat(fixture.fileAt(tip, "VERSION")).isEqualTo("318.1\n");
        // only VERSION differs from the released commit
        Map<String, String> before = fixture.treeAt(released);
        Map<String, String> after = fixture.treeAt(tip);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.remove("VERSION");
        after.remove("VERSION");
        assertThat(after).isEqualTo(before);
        // main is untouched, and so is the local checkout
        assertThat(fixture.branchTip("main").name()).isEqualTo(released.name());
        assertThat(Files.readString(checkout.resolve("VERSION"))).isEqualTo("# the next release\n318.0\n");
        try (Git git = Git.open(checkout.toFile())) {
            assertThat(git.status().call().isClean()).isTrue();
            assertThat(git.getRepository().resolve("HEAD").name()).isEqualTo(released.name());
        }
        assertThat(reporter.lines).anyMatch(l -> l.startsWith("Created rel-318: " + tip.name()));
    }

    @Test
    void patchReleaseAdvancesTheExistingBranch() throws Exception {
        new ReleaseBranches(reporter).release(request(checkout("main"), "main", Optional.of(318))).orElseThrow();
        RevCommit branchTip = fixture.branchTip("rel-318");
        Map<String, String> refsBefore = fixture.refs();

        ReleaseBranches.Result result = new ReleaseBranches(reporter)
                .release(request(checkout("rel-318"), "rel-318", Optional.of(318))).orElseThrow();

        assertThat(result.created()).isFalse();
        assertThat(result.released()).isEqualTo(new ReleaseVersion(318, 1));
        assertThat(result.next()).isEqualTo(new ReleaseVersion(318, 2));
        RevCommit tip = fixture.branchTip("rel-318");
        assertThat(tip.getFullMessage()).isEqualTo("prepare release of gardenlinux-318.2");
        assertThat(tip.getParent(0).name()).isEqualTo(branchTip.name());
        assertThat(fixture.fileAt(tip, "VERSION")).isEqualTo("318.2\n");
        refsBefore.put("refs/heads/rel-318", tip.name());
        assertThat(fixture.refs()).isEqualTo(refsBefore);
    }

    @Test
    void patchReleaseFromAFixOnTopOfTheBranch() throws Exception {
        new ReleaseBranches(reporter).release(request(checkout("main"), "main", Optional.of(318))).orElseThrow();
        Git fix = fixture.work("fix");
        fix.checkout().setCreateBranch(true).setName("rel-318").setStartPoint("origin/rel-318").call();
        RevCommit fixed = GitFixture.commitAndPush(fix, "rel-318", "fix a CVE", Map.of("README.md", "fixed\n"));

        ReleaseBranches.Result result = new ReleaseBranches(reporter)
                .release(request(checkout(fixed.name()), fixed.name(), Optional.empty())).orElseThrow();

        assertThat(result.released()).isEqualTo(new ReleaseVersion(318, 1));
        RevCommit tip = fixture.branchTip("rel-318");
        assertThat(tip.getParent(0).name()).isEqualTo(fixed.name());
        assertThat(fixture.fileAt(tip, "README.md")).isEqualTo("fixed\n");
        assertThat(fixture.fileAt(tip, "VERSION")).isEqualTo("318.2\n");
    }

    @Test
    void firstReleaseFailsWhenTheBranchExistsAndPushesNothing() throws Exception {
        work.push().add("HEAD:refs/heads/rel-318").call();
        Map<String, String> refsBefore = fixture.refs();

        assertThatThrownBy(() -> new ReleaseBranches(reporter).release(request(checkout("main"), "main",
                Optional.of(318))))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("release_branch='rel-318' already exists")
                .hasMessageContaining("aborting release");
        assertThat(fixture.refs()).isEqualTo(refsBefore);
    }

    @Test
    void patchReleaseFailsWhenTheBranchIsMissingAndPushesNothing() throws Exception {
        GitFixture.commitAndPush(work, "main", "318.3", Map.of("VERSION", "318.3\n"));
        Map<String, String> refsBefore = fixture.refs();

        assertThatThrownBy(() -> new ReleaseBranches(reporter).release(request(checkout("main"), "main",
                Optional.of(318))))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("release_branch='rel-318' does not exist")
                .hasMessageContaining("aborting patch-release 318.3");
        assertThat(fixture.refs()).isEqualTo(refsBefore);
    }

    @Test
    void patchReleaseFailsWhenTheCommittishDoesNotContainTheBranchTip() throws Exception {
        new ReleaseBranches(reporter).release(request(checkout("main"), "main", Optional.of(318))).orElseThrow();
        RevCommit unrelated = GitFixture.commitAndPush(work, "side", "side line", Map.of("VERSION", "318.5\n"));
        Map<String, String> refsBefore = fixture.refs();

        assertThatThrownBy(() -> new ReleaseBranches(reporter).release(request(checkout("side"), "side",
                Optional.of(318))))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("side (" + unrelated.name() + ") does not contain the tip of rel-318")
                .hasMessageContaining("aborting patch-release");
        assertThat(fixture.refs()).isEqualTo(refsBefore);
    }

    @Test
    void patchReleaseFailsFromACloneThatNeverSawTheBranchTip() throws Exception {
        Path early = checkout("main");
        new ReleaseBranches(reporter).release(request(checkout("main"), "main", Optional.of(318))).orElseThrow();
        Git stale = Git.open(early.toFile());
        GitFixture.commitAndPush(fixture.work("other"), "main", "318.1 without the branch",
                Map.of("VERSION", "318.1\n"));
        stale.fetch().setRefSpecs("refs/heads/main:refs/remotes/origin/main").call();
        assertThat(stale.getRepository().getObjectDatabase().has(fixture.branchTip("rel-318"))).isFalse();
        Map<String, String> refsBefore = fixture.refs();

        assertThatThrownBy(() -> new ReleaseBranches(reporter).release(request(early, "main", Optional.of(318))))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("does not contain the tip of rel-318");
        assertThat(fixture.refs()).isEqualTo(refsBefore);
        stale.close();
    }

    @Test
    void anEpochOtherThanTheVersionsIsRefusedBeforeAnythingIsPushed() throws Exception {
        Map<String, String> refsBefore = fixture.refs();

        assertThatThrownBy(() -> new ReleaseBranches(reporter).release(request(checkout("main"), "main",
                Optional.of(319))))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("VERSION at main")
                .hasMessageContaining("holds 318.0, but the run's epoch (setting 'epoch') is 319");
        assertThat(fixture.refs()).isEqualTo(refsBefore);
    }

    @Test
    void versionTodayReleasesTheRunsEpoch() throws Exception {
        GitFixture.commitAndPush(work, "main", "today", Map.of("VERSION", "today\n"));

        ReleaseBranches.Result result = new ReleaseBranches(reporter)
                .release(request(checkout("main"), "main", Optional.of(400))).orElseThrow();

        assertThat(result.branch()).isEqualTo("rel-400");
        assertThat(fixture.fileAt(fixture.branchTip("rel-400"), "VERSION")).isEqualTo("400.1\n");
    }

    @Test
    void nothingHappensWithoutTheReleaseAction() throws Exception {
        Map<String, String> refsBefore = fixture.refs();
        ReleaseBranches.Request request = new ReleaseBranches.Request(PublishingActions.parse("manifests,images"),
                checkout("main"), "main", fixture.remote(), Optional.of(318), Optional.empty(), TODAY,
                Duration.ofSeconds(30));

        assertThat(new ReleaseBranches(reporter).release(request)).isEmpty();
        assertThat(fixture.refs()).isEqualTo(refsBefore);
        assertThat(reporter.lines).contains("publishing_actions=[manifests,images] - will not perform release");
    }

    @Test
    void aCommittishThatDoesNotExistIsNamed() {
        Path checkout = checkout("main");
        assertThatThrownBy(() -> new ReleaseBranches(reporter).release(request(checkout, "no-such-branch",
                Optional.of(318))))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("committish 'no-such-branch' is neither a branch, a tag nor a commit");
    }
}
