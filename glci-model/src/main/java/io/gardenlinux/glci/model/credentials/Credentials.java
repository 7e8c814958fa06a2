package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import io.gardenlinux.glci.model.yaml.Problems;
import io.gardenlinux.glci.model.yaml.YamlDocuments;
import io.gardenlinux.glci.model.yaml.YamlNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * The credentials glci and its pipeline steps use, merged into one document as the original's
 * {@code render_credentials.py} does: the key {@code cfg_types} holds {@code cfg_types.yaml} as it is, and each
 * credential type holds its entries (name to attributes) merged from the type's {@code src} files, later files
 * overriding earlier ones entry by entry. That document is the {@code config.json} of the Secret {@code secrets}.
 *
 * <pre>
 * # cfg/cfg_types.yaml
 * aws:
 *   src: [ { file: aws.yaml } ]
 *   model: { cfg_type_name: aws, type: AwsProfile }
 * # cfg/aws.yaml
 * gardenlinux: { region: eu-central-1, access_key_id: ..., secret_access_key: ... }
 * </pre>
 *
 * Typed accessors read each type the original uses; a value that is missing or of the wrong type is reported with
 * the file and entry it came from, never with the value of a secret.
 */
public final class Credentials {

    /** The file that declares the credential types, in the credentials folder. */
    public static final String CFG_TYPES_FILE = "cfg_types.yaml";
    /** The key of the declared types in the merged document. */
    public static final String CFG_TYPES_KEY = "cfg_types";

    private final Map<String, Object> cfgTypes;
    private final Map<String, Map<String, Map<String, Object>>> entries;
    private final Map<String, Map<String, String>> origins;

    private Credentials(Map<String, Object> cfgTypes, Map<String, Map<String, Map<String, Object>>> entries,
            Map<String, Map<String, String>> origins) {
        this.cfgTypes = cfgTypes;
        this.entries = entries;
        this.origins = origins;
    }

    /** Reads {@code cfg_types.yaml} in {@code cfgDir} and every file it names, relative to {@code cfgDir}. */
    public static Credentials readDirectory(Path cfgDir) {
        Path typesFile = cfgDir.resolve(CFG_TYPES_FILE);
        JsonNode typesJson = YamlDocuments.read(typesFile);
        Problems problems = new Problems(typesFile.toString());
        YamlNode types = YamlNode.root(typesJson, problems);
        Map<String, Map<String, Map<String, Object>>> entries = new LinkedHashMap<>();
        Map<String, Map<String, String>> origins = new LinkedHashMap<>();
        if (types.expectObject(CFG_TYPES_FILE)) {
            for (Map.Entry<String, YamlNode> type : types.entries().entrySet()) {
                if (!type.getValue().expectObject("credential type '" + type.getKey() + "'")) {
                    continue;
                }
                Map<String, Map<String, Object>> merged = entries.computeIfAbsent(type.getKey(),
                        k -> new LinkedHashMap<>());
                Map<String, String> from = origins.computeIfAbsent(type.getKey(), k -> new LinkedHashMap<>());
                for (YamlNode src : type.getValue().list("src", true)) {
                    String file = src.string("file");
                    if (file != null) {
                        sourceFile(cfgDir, src, file).ifPresent(path -> readSource(path, merged, from, problems));
                    }
                }
            }
        }
        problems.throwIfAny();
        @SuppressWarnings("unchecked")
        Map<String, Object> cfgTypes = (Map<String, Object>) types.toPlainValue();
        return new Credentials(cfgTypes, entries, origins);
    }

    /** The file a {@code src} entry names, relative to {@code cfgDir}; empty (and a problem) when it names none. */
    private static Optional<Path> sourceFile(Path cfgDir, YamlNode src, String file) {
        Path path;
        try {
            path = cfgDir.resolve(file);
        } catch (InvalidPathException e) {
            src.problem("file", "'" + file + "' is not a file name: " + e.getReason());
            return Optional.empty();
        }
        if (Files.isDirectory(path)) {
            src.problem("file", "'" + file + "' names the folder " + path + "; expected a YAML file of entries");
            return Optional.empty();
        }
        return Optional.of(path);
    }

    @SuppressWarnings("unchecked")
    private static void readSource(Path file, Map<String, Map<String, Object>> merged, Map<String, String> from,
            Problems problems) {
        JsonNode json;
        try {
            json = YamlDocuments.read(file);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return;
        }
        Problems fileProblems = new Problems(file.toString());
        YamlNode root = YamlNode.root(json, fileProblems);
        for (Map.Entry<String, YamlNode> entry : root.entries().entrySet()) {
            if (entry.getValue().expectObject("credential '" + entry.getKey() + "'")) {
                merged.put(entry.getKey(), (Map<String, Object>) entry.getValue().toPlainValue());
                from.put(entry.getKey(), file.toString());
            }
        }
        problems.addAll(fileProblems.list());
    }

    /** Reads a merged document (the {@code config.json} of the Secret), not encrypted. */
    public static Credentials readDocument(byte[] json, String source) {
        Problems problems = new Problems(source);
        YamlNode root = YamlNode.root(YamlDocuments.readJson(json, source), problems);
        Map<String, Object> cfgTypes = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Object>>> entries = new LinkedHashMap<>();
        Map<String, Map<String, String>> origins = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> type : root.entries().entrySet()) {
            if (type.getKey().equals(CFG_TYPES_KEY)) {
                if (type.getValue().expectObject("the declared credential types (" + CFG_TYPES_FILE + ")")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> declared = (Map<String, Object>) type.getValue().toPlainValue();
                    cfgTypes.putAll(declared);
                }
                continue;
            }
            Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
            Map<String, String> from = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> entry : type.getValue().entries().entrySet()) {
                if (entry.getValue().expectObject("credential '" + entry.getKey() + "'")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> attributes = (Map<String, Object>) entry.getValue().toPlainValue();
                    byName.put(entry.getKey(), attributes);
                    from.put(entry.getKey(), source);
                }
            }
            entries.put(type.getKey(), byName);
            origins.put(type.getKey(), from);
        }
        problems.throwIfAny();
        return new Credentials(cfgTypes, entries, origins);
    }

    /** Reads a merged document protected with {@code cipher} and {@code key} (see {@link SecretCipher}). */
    public static Credentials readDocument(byte[] data, String source, SecretCipher cipher, byte[] key) {
        return readDocument(cipher.decrypt(data, key), source);
    }

    /** The merged document as JSON: {@code cfg_types} first, then each type. */
    public byte[] toDocument() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(CFG_TYPES_KEY, cfgTypes);
        document.putAll(entries);
        return YamlDocuments.json().writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    }

    /** The credential types with at least a declaration, in order. */
    public List<String> types() {
        return List.copyOf(entries.keySet());
    }

    /** The names of the entries of a type, in order; empty when the type has none. */
    public List<String> names(String type) {
        return List.copyOf(entries.getOrDefault(type, Map.of()).keySet());
    }

    /** The attributes of an entry, as read. */
    public Map<String, Object> attributes(String type, String name) {
        Map<String, Map<String, Object>> byName = entries.get(type);
        if (byName == null) {
            throw new MissingCredentialException("no credentials of type '" + type + "' are configured; declare the"
                    + " type in " + CFG_TYPES_FILE + " with a src file holding an entry named '" + name + "'");
        }
        Map<String, Object> attributes = byName.get(name);
        if (attributes == null) {
            throw new MissingCredentialException("no '" + type + "' credential named '" + name + "'; defined: "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
        }
        return Collections.unmodifiableMap(attributes);
    }

    public AwsCredentials aws(String name) {
        return typed(AwsCredentials.TYPE, name, AwsCredentials::read);
    }

    public ContainerRegistryCredentials containerRegistry(String name) {
        return typed(ContainerRegistryCredentials.TYPE, name, ContainerRegistryCredentials::read);
    }

    /** The registry credential whose image reference prefix matches {@code imageReference} best (longest). */
    public Optional<ContainerRegistryCredentials> containerRegistryFor(String imageReference) {
        return names(ContainerRegistryCredentials.TYPE).stream()
                .map(this::containerRegistry)
                .filter(c -> c.match(imageReference) >= 0)
                .max(Comparator.comparingInt(c -> c.match(imageReference)));
    }

    public GithubCredentials github(String name) {
        return typed(GithubCredentials.TYPE, name, GithubCredentials::read);
    }

    /** The first {@code github} credential for a host (e.g. {@code github.com}). */
    public Optional<GithubCredentials> githubForHost(String host) {
        return names(GithubCredentials.TYPE).stream().map(this::github)
                .filter(g -> host.equalsIgnoreCase(g.host()))
                .findFirst();
    }

    public EmailCredentials email(String name) {
        return typed(EmailCredentials.TYPE, name, EmailCredentials::read);
    }

    public GcpCredentials gcp(String name) {
        return typed(GcpCredentials.TYPE, name, GcpCredentials::read);
    }

    public AlicloudCredentials alicloud(String name) {
        return typed(AlicloudCredentials.TYPE, name, AlicloudCredentials::read);
    }

    public AzureServicePrincipal azureServicePrincipal(String name) {
        return typed(AzureServicePrincipal.TYPE, name, AzureServicePrincipal::read);
    }

    public AzureStorageAccount azureStorageAccount(String name) {
        return typed(AzureStorageAccount.TYPE, name, AzureStorageAccount::read);
    }

    public CceeCredentials ccee(String name) {
        return typed(CceeCredentials.TYPE, name, CceeCredentials::read);
    }

    public OpenstackImageProperties openstackImageProperties(String name) {
        return typed(OpenstackImageProperties.TYPE, name, OpenstackImageProperties::read);
    }

    public GpgKey gpgKey(String name) {
        return typed(GpgKey.TYPE, name, GpgKey::read);
    }

    private <T> T typed(String type, String name, BiFunction<String, YamlNode, T> reader) {
        Map<String, Object> attributes = attributes(type, name);
        Problems problems = new Problems(origins.get(type).get(name));
        YamlNode node = YamlNode.root(YamlDocuments.json().valueToTree(attributes), problems);
        T result = node.expectObject(type + " credential '" + name + "'") ? reader.apply(name, node) : null;
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.list().stream()
                    .map(p -> new Problem(p.source(),
                            type + " '" + name + "'" + (p.location().isEmpty() ? "" : "." + p.location()),
                            p.message()))
                    .toList());
        }
        return result;
    }

    @Override
    public String toString() {
        return "Credentials" + names();
    }

    private Map<String, List<String>> names() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        entries.forEach((type, byName) -> names.put(type, List.copyOf(byName.keySet())));
        return names;
    }
}
