package io.gardenlinux.glci.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.render.GlciVersion;
import io.gardenlinux.glci.render.PipelineRenderer;
import io.gardenlinux.glci.render.RenderOptions;
import io.gardenlinux.glci.render.tekton.Step;
import io.gardenlinux.glci.render.tekton.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every step the renderer makes call a glci goal calls a goal this plugin has, of this version, with properties that
 * goal declares: the rendered pipeline and the goals it runs cannot drift apart.
 */
class RenderedStepsContractTest {

    private static final Pattern GOAL = Pattern.compile("io\\.gardenlinux\\.glci:glci-maven-plugin:([^:\\s]+):([a-z-]+)");
    private static final Pattern PROPERTY = Pattern.compile("-D(glci\\.[A-Za-z0-9]+)=");

    @Test
    void everyRenderedGoalAndPropertyExists() throws Exception {
        String descriptor = Files.readString(Path.of("target", "classes", "META-INF", "maven", "plugin.xml"));
        RenderOptions options = RenderOptions.builder(Path.of("..", "samples", "gardenlinux").toAbsolutePath()
                .normalize()).committish("0123456789abcdef0123456789abcdef01234567").imageBuild(true)
                .packageBuild(true).build();
        Set<String> checked = new LinkedHashSet<>();
        for (Task task : PipelineRenderer.render(options).tekton().tasks()) {
            for (Step step : task.steps()) {
                Matcher goal = GOAL.matcher(step.script());
                if (!goal.find()) {
                    continue;
                }
                assertThat(goal.group(1)).isEqualTo(GlciVersion.version());
                String mojo = mojo(descriptor, goal.group(2));
                assertThat(mojo).as("%s/%s calls goal %s, which the plugin lacks", task.name(), step.name(),
                        goal.group(2)).isNotEmpty();
                Matcher property = PROPERTY.matcher(step.script());
                while (property.find()) {
                    assertThat(mojo).as("%s/%s passes %s to %s", task.name(), step.name(), property.group(1),
                            goal.group(2)).contains("${" + property.group(1) + "}");
                }
                checked.add(goal.group(2));
            }
        }
        assertThat(checked).containsExactlyInAnyOrder("clone", "check-base-images", "tag-base-images", "prebuild",
                "upload-results", "write-key", "upload-packages", "finalise-promotion", "release", "get-logs",
                "notify");
    }

    /** The {@code <mojo>} element of a goal in plugin.xml, or empty. */
    private static String mojo(String descriptor, String goal) {
        int at = descriptor.indexOf("<goal>" + goal + "</goal>");
        if (at < 0) {
            return "";
        }
        return descriptor.substring(at, descriptor.indexOf("</mojo>", at));
    }
}
