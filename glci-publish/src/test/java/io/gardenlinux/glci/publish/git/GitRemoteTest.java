package io.gardenlinux.glci.publish.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.credentials.Credentials;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GitRemoteTest {

    private static final Credentials ENTERPRISE = GitFixture.credentials("""
            {"github": {"ghe": {"httpUrl": "https://github.example", "apiUrl": "https://github.example/api/v3",
              "technical_users": [{"username": "bot", "authToken": "tok", "emailAddress": "bot@example.org"}]}}}
            """);

    @ParameterizedTest
    @ValueSource(strings = {"ssh://git@github.example/gardenlinux/gardenlinux", "git@github.example:gardenlinux/gardenlinux",
            "https://github.example/gardenlinux/gardenlinux", "github.example/gardenlinux/gardenlinux",
            "ssh://git@github.example:22/gardenlinux/gardenlinux"})
    void aHostWithAGithubEntryIsReachedOverHttpsAsItsTechnicalUser(String url) {
        GitRemote remote = GitRemote.resolve(url, ENTERPRISE, "clone");
        assertThat(remote.host()).isEqualTo("github.example");
        assertThat(remote.uri()).isEqualTo("https://github.example/gardenlinux/gardenlinux");
        assertThat(remote.technicalUser()).get().extracting(u -> u.username()).isEqualTo("bot");
        assertThat(remote.credentialsProvider()).isPresent();
        assertThat(remote.describe()).isEqualTo("https://github.example/gardenlinux/gardenlinux as bot (github"
                + " credential 'ghe')").doesNotContain("tok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh://git@github.com/gardenlinux/gardenlinux", "https://github.com/gardenlinux/gardenlinux",
            "github.com/gardenlinux/gardenlinux"})
    void githubComWithoutAnEntryIsClonedAnonymously(String url) {
        GitRemote remote = GitRemote.resolve(url, ENTERPRISE, "clone");
        assertThat(remote.uri()).isEqualTo("https://github.com/gardenlinux/gardenlinux");
        assertThat(remote.technicalUser()).isEmpty();
        assertThat(remote.credentialsProvider()).isEmpty();
        assertThat(remote.describe()).endsWith("(anonymous)");
    }

    @Test
    void anyOtherHostCannotBeCloned() {
        assertThatThrownBy(() -> GitRemote.resolve("https://gitlab.example/group/repo.git", ENTERPRISE, "clone"))
                .isInstanceOf(GlciException.class)
                .hasMessageStartingWith("Unable to clone https://gitlab.example/group/repo.git: no github credential"
                        + " for host 'gitlab.example' (configured hosts: [github.example])");
    }

    @Test
    void aTechnicalUserWithoutTokenOrPasswordCannotAuthenticate() {
        Credentials noSecret = GitFixture.credentials("""
                {"github": {"ghe": {"httpUrl": "https://github.example", "apiUrl": "https://github.example/api/v3",
                  "technical_users": [{"username": "bot"}]}}}
                """);
        assertThatThrownBy(() -> GitRemote.resolve("https://github.example/o/r", noSecret, "clone")
                .credentialsProvider())
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("technical user 'bot' has neither authToken nor password");
    }

    @Test
    void aFileUrlIsALocalRepository() {
        GitRemote remote = GitRemote.resolve("file:///srv/git/gardenlinux.git", ENTERPRISE, "clone");
        assertThat(remote.isLocal()).isTrue();
        assertThat(remote.uri()).isEqualTo("file:///srv/git/gardenlinux.git");
        assertThat(remote.credentialsProvider()).isEmpty();
    }

    @Test
    void noUrlIsNamed() {
        assertThatThrownBy(() -> GitRemote.resolve(" ", ENTERPRISE, "clone"))
                .hasMessageContaining("no git URL given (setting 'gitUrl' or GIT_URL)");
    }
}
