package io.gardenlinux.glci.model.yaml;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reading and writing the YAML and JSON documents of Garden Linux and its CI with errors that name the file, line and
 * column. Writing follows the original's PyYAML {@code safe_dump}: block style, sequences not indented inside
 * mappings, strings that a YAML 1.1 reader would take for another type quoted ({@link Yaml11Quoting}), no document
 * start marker.
 */
public final class YamlDocuments {

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(Yaml11Quoting.instance())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private YamlDocuments() {
    }

    /** The mapper glci writes YAML with. */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** The mapper glci reads and writes JSON with. */
    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Reads a YAML file into a tree; a missing, empty or malformed file, or a folder, is an
     * {@link InvalidInputException}, a file that cannot be read a {@link GlciException}.
     */
    public static JsonNode read(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(new Problem(file.toString(), "", "is a folder, not a file"));
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(new Problem(file.toString(), "", "file not found"));
        } catch (IOException e) {
            throw new GlciException(file + ": cannot read: " + e.getMessage(), e);
        }
        return read(content, file.toString());
    }

    /** Reads a YAML document (JSON is YAML too) given as bytes; {@code source} names it in errors. */
    public static JsonNode read(byte[] content, String source) {
        return parse(YAML, content, source, "YAML");
    }

    /** Reads a JSON document given as bytes; {@code source} names it in errors. */
    public static JsonNode readJson(byte[] content, String source) {
        return parse(JSON, content, source, "JSON");
    }

    private static JsonNode parse(ObjectMapper mapper, byte[] content, String source, String format) {
        JsonNode node;
        try {
            node = mapper.readTree(content);
        } catch (JacksonException e) {
            throw new InvalidInputException(syntaxProblem(e, source, format));
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InvalidInputException(new Problem(source, "", "the document is empty"));
        }
        return node;
    }

    /**
     * One line for a syntax error: where the parser found the problem and what it was. SnakeYAML's own message spans
     * several lines with code snippets; its problem and problem mark say the same in a line.
     */
    private static Problem syntaxProblem(JacksonException e, String source, String format) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYamlEngineException yaml && yaml.getProblem() != null) {
                String location = yaml.getProblemMark()
                        .map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                        .orElse("");
                String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
                return new Problem(source, location, "not valid " + format + ": " + context + yaml.getProblem());
            }
        }
        TokenStreamLocation at = e.getLocation();
        String location = at == null || at.getLineNr() < 0 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new Problem(source, location, "not valid " + format + ": " + e.getOriginalMessage());
    }

    /** Writes a value (records, maps, lists, trees) as one YAML document. */
    public static String writeYaml(Object value) {
        return YAML.writeValueAsString(value);
    }
}
