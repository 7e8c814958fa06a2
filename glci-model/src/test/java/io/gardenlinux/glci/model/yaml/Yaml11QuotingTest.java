package io.gardenlinux.glci.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

class Yaml11QuotingTest {

    /** Strings that YAML 1.1 resolvers (PyYAML, SnakeYAML, go-yaml v2) take for another type when written plain. */
    static List<String> yaml11NonStrings() {
        return List.of("2026-12-02T04:52:52.265810", "2026-12-02", "2026-12-2 4:52:52 +01:00", "2001-12-14t21:59:43.10Z",
                "318.9", "1877.3", "1.", "-.5", "6.8523015e+5", "1e3", "1e10", "1_000.5", "190:20:30.15", ".inf",
                "-.Inf", ".NaN",
                "1234567", "0x1F", "0x_1f", "0o17", "017", "0b1010", "1_000", "1:20", "-42", "+7", "0",
                "yes", "Yes", "YES", "no", "NO", "on", "On", "OFF", "off", "y", "Y", "n", "N", "true", "False",
                "null", "Null", "NULL", "~", "", "=", "<<");
    }

    /** Strings that stay plain: every YAML reader takes them for strings. */
    static List<String> plainStrings() {
        return List.of("amd64", "aws", "_prod", "gardener_prod", "objects/5b8e2a3ce7bd26b9bcbf3b4ecc8f5e94b7d3e9f1",
                "c03ea4d3d0905b463e78bbb582853a8bc4437496", "318-c03ea4-20210212/amd64/bullseye/rootfs.raw",
                "rootfs.raw", ".chroot.test.log", "ami-0a1b2c3d4e5f67890", "eu-central-1", "yesterday", "online",
                "nothing", "1877.3-75df9f40", "v1.2", "2026-12-02-x");
    }

    private static Object loadedBySnakeYaml(String yaml) {
        Map<?, ?> map = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return map.values().iterator().next();
    }

    @ParameterizedTest
    @MethodSource("yaml11NonStrings")
    void stringsThatYaml11ResolvesToAnotherTypeAreQuoted(String value) {
        String written = YamlDocuments.writeYaml(Map.of("value", value));

        assertThat(written).isIn("value: \"" + value + "\"\n", "value: '" + value + "'\n");
        assertThat(loadedBySnakeYaml(written)).isEqualTo(value);
    }

    static List<String> allValues() {
        return Stream.concat(yaml11NonStrings().stream(), plainStrings().stream()).toList();
    }

    @ParameterizedTest
    @MethodSource("allValues")
    void whatSnakeYamlsResolverTakesForAnotherTypeTheRuleQuotes(String value) {
        Tag plainTag = new Resolver().resolve(NodeId.scalar, value, true);

        assertThat(plainTag.equals(Tag.STR) || Yaml11Quoting.resolvesToNonString(value))
                .as("SnakeYAML resolves '%s' plain to %s", value, plainTag).isTrue();
    }

    @ParameterizedTest
    @MethodSource("plainStrings")
    void otherStringsStayPlain(String value) {
        assertThat(new Resolver().resolve(NodeId.scalar, value, true)).isEqualTo(Tag.STR);
        assertThat(Yaml11Quoting.resolvesToNonString(value)).isFalse();
        assertThat(YamlDocuments.writeYaml(Map.of("value", value))).isEqualTo("value: " + value + "\n");
    }

    @ParameterizedTest
    @MethodSource("yaml11NonStrings")
    void keysThatYaml11ResolvesToAnotherTypeAreQuoted(String key) {
        Map<Object, Object> read = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(YamlDocuments.writeYaml(Map.of(key, "x")));

        assertThat(read).containsOnlyKeys(key);
    }

    @Test
    void numbersBooleansAndNullKeepTheirTypes() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("epoch", 1877);
        values.put("ratio", 0.5);
        values.put("flag", true);
        values.put("nothing", null);

        Map<?, ?> read = new Yaml(new SafeConstructor(new LoaderOptions())).load(YamlDocuments.writeYaml(values));

        assertThat(read).isEqualTo(values);
    }
}
