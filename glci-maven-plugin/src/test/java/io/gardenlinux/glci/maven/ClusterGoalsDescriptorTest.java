package io.gardenlinux.glci.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.cluster.ClusterOptions;
import io.gardenlinux.glci.cluster.FollowOptions;
import io.gardenlinux.glci.render.tekton.TektonApi;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The generated plugin descriptor holds the cluster goals with the properties the README and the goal contract
 * promise, and the cluster parameters become the libraries' options as documented.
 */
class ClusterGoalsDescriptorTest {

    private static List<String> properties(String goal) throws Exception {
        Document descriptor;
        try (InputStream in = ClusterGoalsDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("generated plugin.xml").isNotNull();
            descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (goal.equals(mojo.getElementsByTagName("goal").item(0).getTextContent())) {
                assertThat(mojo.getElementsByTagName("requiresProject").item(0).getTextContent()).isEqualTo("false");
                List<String> properties = new ArrayList<>();
                NodeList values = ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
                for (int j = 0; j < values.getLength(); j++) {
                    if (values.item(j) instanceof Element value && value.getTextContent().startsWith("${")) {
                        String text = value.getTextContent();
                        properties.add(text.substring(2, text.length() - 1));
                    }
                }
                return properties;
            }
        }
        throw new AssertionError("no goal " + goal + " in plugin.xml");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "watch    | glci.run glci.logs glci.timeout glci.notify glci.emailConfig glci.dashboardUrl",
            "cancel   | glci.run",
            "prune    | glci.keep",
            "get-logs | glci.run glci.logArchive",
            "apply    | glci.setup glci.imageBuild glci.packageBuild glci.flavourSet glci.outputDirectory",
            "setup    | glci.skip",
            "trigger  | glci.imageBuild glci.packageBuild glci.keep glci.wait glci.logs glci.timeout"
                    + " glci.dashboardUrl glci.notify glci.emailConfig"})
    void clusterGoalsTakeTheirProperties(String goal, String expected) throws Exception {
        assertThat(properties(goal)).contains(expected.split(" "))
                .contains("glci.kubeconfig", "glci.context", "glci.namespace", "glci.tektonApi", "glci.skip");
    }

    @Test
    void clusterSettingsBecomeOptions() {
        WatchMojo watch = new WatchMojo() {
            @Override
            protected Optional<String> env(String name) {
                return Optional.ofNullable(name.equals("GARDENLINUX_TKN_WS") ? "ci" : null);
            }
        };
        watch.context = " ";
        watch.tektonApi = "v1beta1";
        watch.timeout = "1h30m";
        assertThat(watch.clusterOptions()).isEqualTo(new ClusterOptions(Optional.empty(), Optional.empty(), "ci",
                TektonApi.V1BETA1));
        assertThat(watch.followOptions(true)).isEqualTo(FollowOptions.defaults().withAllLogs(true)
                .withTimeout(Optional.of(Duration.ofMinutes(90))));

        WatchMojo defaults = new WatchMojo() {
            @Override
            protected Optional<String> env(String name) {
                return Optional.empty();
            }
        };
        assertThat(defaults.clusterOptions().namespace()).isEqualTo("gardenlinux");
        assertThat(defaults.clusterOptions().tektonApi()).isEqualTo(TektonApi.V1);
        assertThat(defaults.followOptions(false).timeout()).isEmpty();
    }

    @Test
    void aMissingOrBadSettingIsOneLineInMavensWords() {
        WatchMojo watch = new WatchMojo() {
            @Override
            protected Optional<String> env(String name) {
                return Optional.empty();
            }
        };
        assertThatThrownBy(watch::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dglci.run is not set (the name of a PipelineRun): pass -Dglci.run=...");
        watch.run = "gardenlinux-build-1";
        watch.timeout = "two hours";
        assertThatThrownBy(watch::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dglci.timeout=two hours: is not a duration; write it like 45m, 2h or 1h30m");
    }
}
