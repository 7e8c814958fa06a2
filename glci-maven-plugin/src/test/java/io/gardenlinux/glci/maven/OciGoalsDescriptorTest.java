package io.gardenlinux.glci.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The generated plugin descriptor holds the OCI goals with the properties of the goal contract (and of the
 * README), so that annotations cannot drift from them.
 */
class OciGoalsDescriptorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "check-base-images | glci.ociPath glci.versionLabel glci.baseImagesToBuild",
            "tag-base-images   | glci.ociPath glci.versionLabel",
            "publish-oci       | glci.manifestKey glci.manifestFile glci.rootfs glci.imagePrefix glci.outputManifest glci.workDir"})
    void goalsTakeTheirProperties(String goal, String expected) throws Exception {
        Document descriptor;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("generated plugin.xml").isNotNull();
            descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Element mojo = null;
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element candidate = (Element) mojos.item(i);
            if (goal.equals(candidate.getElementsByTagName("goal").item(0).getTextContent())) {
                mojo = candidate;
            }
        }
        assertThat(mojo).as("goal " + goal + " in plugin.xml").isNotNull();
        List<String> properties = new ArrayList<>();
        NodeList values = ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
        for (int i = 0; i < values.getLength(); i++) {
            if (values.item(i) instanceof Element value && value.getTextContent().startsWith("${")) {
                String text = value.getTextContent();
                properties.add(text.substring(2, text.length() - 1));
            }
        }
        assertThat(properties).contains(expected.split(" ")).contains("glci.repoRoot", "glci.cfgDir", "glci.skip");
        assertThat(mojo.getElementsByTagName("requiresProject").item(0).getTextContent()).isEqualTo("false");
    }
}
