package io.gardenlinux.glci.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clone and release goals as a pipeline step runs them, against a local bare repository. */
class CloneAndReleaseMojoTest {

    @TempDir
    Path tmp;

    private Path bare;
    private Path cfg;

    @BeforeEach
    void repository() throws Exception {
        bare = tmp.resolve("origin.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Path work = tmp.resolve("work");
        try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call()) {
            Files.writeString(work.resolve("VERSION"), "318.0\n");
            git.add().addFilepattern("VERSION").call();
            git.commit().setMessage("first").call();
            git.push().add("HEAD:refs/heads/main").call();
        }
        cfg = Files.createDirectories(tmp.resolve("cfg"));
        Files.writeString(cfg.resolve("cfg_types.yaml"), "{}\n");
    }

    private static void set(Object mojo, String name, Object value) throws ReflectiveOperationException {
        for (Class<?> type = mojo.getClass(); type != AbstractMojo.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    private static ReleaseMojo release() {
        ReleaseMojo release = new ReleaseMojo() {
            @Override
            protected Optional<String> env(String name) {
                return Optional.empty();
            }
        };
        release.setLog(new RecordingLog());
        return release;
    }

    @Test
    void cloneThenReleaseCutsTheBranchInTheOrigin() throws Exception {
        Path checkout = tmp.resolve("gardenlinux_git");
        CloneMojo clone = new CloneMojo() {
            @Override
            protected Optional<String> env(String name) {
                return name.equals("GIT_URL") ? Optional.of(bare.toUri().toString()) : Optional.empty();
            }
        };
        clone.setLog(new RecordingLog());
        set(clone, "repoRoot", checkout.toFile());
        set(clone, "committish", "main");
        clone.execute();
        assertThat(checkout.resolve("VERSION")).hasContent("318.0");

        ReleaseMojo release = release();
        set(release, "repoRoot", checkout.toFile());
        set(release, "cfgDir", cfg.toFile());
        set(release, "publishingActions", "manifests,release");
        set(release, "epoch", "318");
        set(release, "committish", "main");
        release.execute();

        try (Repository repository = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repository)) {
            RevCommit tip = walk.parseCommit(repository.resolve("refs/heads/rel-318"));
            assertThat(tip.getFullMessage()).isEqualTo("prepare release of gardenlinux-318.1");
        }
    }

    @Test
    void aBadEpochIsOneReadableError() throws Exception {
        Path checkout = tmp.resolve("checkout");
        Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(checkout.toFile()).call().close();
        ReleaseMojo release = release();
        set(release, "repoRoot", checkout.toFile());
        set(release, "cfgDir", cfg.toFile());
        set(release, "publishingActions", "release");
        set(release, "epoch", "three-eighteen");
        set(release, "committish", "main");

        assertThatThrownBy(release::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dglci.epoch=three-eighteen: not a whole number; allowed: from 1 to 100000");
        assertThat(Git.open(bare.toFile()).getRepository().resolve("refs/heads/rel-318")).isNull();
    }

    @Test
    void withoutTheReleaseActionNothingIsPushed() throws Exception {
        Path checkout = tmp.resolve("checkout");
        Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(checkout.toFile()).call().close();
        ReleaseMojo release = release();
        set(release, "repoRoot", checkout.toFile());
        set(release, "cfgDir", cfg.toFile());
        set(release, "committish", "main");
        release.execute();

        assertThat(Git.open(bare.toFile()).getRepository().getRefDatabase().getRefsByPrefix("refs/"))
                .extracting(r -> r.getName()).containsExactly("refs/heads/main");
    }
}
