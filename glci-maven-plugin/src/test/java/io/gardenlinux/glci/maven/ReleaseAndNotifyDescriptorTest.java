package io.gardenlinux.glci.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The generated plugin descriptor holds the goals {@code clone}, {@code release} and {@code notify} with the
 * properties the rendered Tekton steps pass (the goal contract), so that annotations cannot drift from it.
 */
class ReleaseAndNotifyDescriptorTest {

    private static Element mojo(String goal) throws Exception {
        Document descriptor;
        try (InputStream in = ReleaseAndNotifyDescriptorTest.class.getResourceAsStream(
                "/META-INF/maven/plugin.xml")) {
            assertThat(in).as("generated plugin.xml").isNotNull();
            descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (goal.equals(mojo.getElementsByTagName("goal").item(0).getTextContent())) {
                return mojo;
            }
        }
        throw new AssertionError("no goal " + goal + " in plugin.xml");
    }

    private static List<String> properties(Element mojo) {
        List<String> properties = new ArrayList<>();
        NodeList configuration = mojo.getElementsByTagName("configuration");
        if (configuration.getLength() == 0) {
            return properties;
        }
        NodeList values = ((Element) configuration.item(0)).getChildNodes();
        for (int i = 0; i < values.getLength(); i++) {
            if (values.item(i) instanceof Element value) {
                String text = value.getTextContent();
                if (text.startsWith("${") && text.endsWith("}")) {
                    properties.add(text.substring(2, text.length() - 1));
                }
            }
        }
        return properties;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "clone   | glci.gitUrl glci.committish glci.checkoutDir",
            "release | glci.publishingActions glci.epoch glci.committish glci.gitUrl glci.branch",
            "notify  | glci.statusDict glci.onlyRecipients glci.additionalRecipients glci.disableNotifications"
                    + " glci.namespace glci.pipelineName glci.run glci.logArchive glci.dashboardUrl glci.gitUrl"
                    + " glci.committish"})
    void goalsTakeTheContractsProperties(String goal, String expected) throws Exception {
        Element mojo = mojo(goal);
        assertThat(properties(mojo)).contains(expected.split(" ")).contains("glci.repoRoot", "glci.skip");
        assertThat(mojo.getElementsByTagName("requiresProject").item(0).getTextContent()).isEqualTo("false");
    }

    @Test
    void notifySendsToTheTektonDashboardOfTheOriginalByDefault() throws Exception {
        Element configuration = (Element) mojo("notify").getElementsByTagName("configuration").item(0);
        Element dashboard = (Element) configuration.getElementsByTagName("dashboardUrl").item(0);
        assertThat(dashboard.getAttribute("default-value")).isEqualTo("https://tekton-dashboard.gardenlinux.io");
    }
}
