package io.gardenlinux.glci.model.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A node of a parsed document together with where it is ({@code location}, e.g. {@code flavour_sets[0].name}) and
 * the {@link Problems} of its document. Typed accessors record a problem and return {@code null} or an empty value
 * instead of throwing, so that a reader can go on and report every problem of a file at once.
 */
public final class YamlNode {

    private final JsonNode node;
    private final String location;
    private final JsonPointer pointer;
    private final Problems problems;
    private final PlainScalars plainScalars;

    private YamlNode(JsonNode node, String location, JsonPointer pointer, Problems problems,
            PlainScalars plainScalars) {
        this.node = node;
        this.location = location;
        this.pointer = pointer;
        this.problems = problems;
        this.plainScalars = plainScalars;
    }

    /** The root of a document. */
    public static YamlNode root(JsonNode node, Problems problems) {
        return root(node, problems, PlainScalars.none());
    }

    /**
     * The root of a document whose {@link #unknownEntries unknown entries} keep its {@link PlainScalars plain scalars}
     * that a YAML 1.1 reader takes for another type than string.
     */
    public static YamlNode root(JsonNode node, Problems problems, PlainScalars plainScalars) {
        return new YamlNode(node, "", JsonPointer.empty(), problems, plainScalars);
    }

    public JsonNode json() {
        return node;
    }

    public String location() {
        return location;
    }

    public Problems problems() {
        return problems;
    }

    public boolean isObject() {
        return node.isObject();
    }

    public boolean isMissing() {
        return node.isMissingNode() || node.isNull();
    }

    public boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    /** Records a problem at this node. */
    public void problem(String message) {
        problems.add(location, message);
    }

    /** Records a problem at the entry {@code key} of this node. */
    public void problem(String key, String message) {
        problems.add(child(key), message);
    }

    /** The entry {@code key}; a missing node when absent. */
    public YamlNode get(String key) {
        JsonNode value = node.isObject() ? node.get(key) : null;
        return new YamlNode(value == null ? MissingNode.getInstance() : value, child(key),
                pointer.appendProperty(key), problems, plainScalars);
    }

    /** Checks that this node is a mapping, recording a problem otherwise. */
    public boolean expectObject(String what) {
        if (node.isObject()) {
            return true;
        }
        problem(what + " must be a mapping, not " + describe(node));
        return false;
    }

    /** A required string entry; {@code null} (and a problem) when missing or not a string. */
    public String string(String key) {
        YamlNode value = get(key);
        if (value.isMissing()) {
            problem("missing key '" + key + "'");
            return null;
        }
        return value.asString();
    }

    /** An optional string entry. */
    public Optional<String> optionalString(String key) {
        YamlNode value = get(key);
        return value.isMissing() ? Optional.empty() : Optional.ofNullable(value.asString());
    }

    /** This node as a string; {@code null} (and a problem) when it is another type. */
    public String asString() {
        if (node.isString()) {
            return node.stringValue();
        }
        problems.add(location, "must be a string, not " + describe(node)
                + (node.isNumber() || node.isBoolean() ? " (quote it: '" + node.asString() + "')" : ""));
        return null;
    }

    /** A required integer entry; {@code null} (and a problem) when missing or not an integer. */
    public Integer integer(String key) {
        YamlNode value = get(key);
        if (value.isMissing()) {
            problem("missing key '" + key + "'");
            return null;
        }
        if (value.node.isIntegralNumber() && value.node.canConvertToInt()) {
            return value.node.intValue();
        }
        if (value.node.isString()) {
            try {
                return Integer.valueOf(value.node.stringValue().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        value.problem("must be an integer, not " + describe(value.node));
        return null;
    }

    /** An optional boolean entry; YAML booleans and the strings true/false are accepted. */
    public Optional<Boolean> optionalBoolean(String key) {
        YamlNode value = get(key);
        if (value.isMissing()) {
            return Optional.empty();
        }
        if (value.node.isBoolean()) {
            return Optional.of(value.node.booleanValue());
        }
        if (value.node.isString()) {
            String s = value.node.stringValue().trim().toLowerCase(java.util.Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Optional.of(Boolean.valueOf(s));
            }
        }
        value.problem("must be true or false, not " + describe(value.node));
        return Optional.empty();
    }

    /** The elements of a list entry; empty (and a problem if {@code required}) when missing; a problem when not a list. */
    public List<YamlNode> list(String key, boolean required) {
        YamlNode value = get(key);
        if (value.isMissing()) {
            if (required) {
                problem("missing key '" + key + "'");
            }
            return List.of();
        }
        return value.elements();
    }

    /** The elements of this node, which must be a list. */
    public List<YamlNode> elements() {
        if (!node.isArray()) {
            problems.add(location, "must be a list, not " + describe(node));
            return List.of();
        }
        List<YamlNode> result = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            result.add(new YamlNode(node.get(i), location + "[" + i + "]", pointer.appendIndex(i), problems,
                    plainScalars));
        }
        return result;
    }

    /** A list of strings; elements that are not strings are reported and left out. */
    public List<String> stringList(String key, boolean required) {
        List<String> result = new ArrayList<>();
        for (YamlNode element : list(key, required)) {
            String s = element.asString();
            if (s != null) {
                result.add(s);
            }
        }
        return List.copyOf(result);
    }

    /** The entries of this node, which must be a mapping, in document order. */
    public Map<String, YamlNode> entries() {
        Map<String, YamlNode> result = new LinkedHashMap<>();
        if (!node.isObject()) {
            problems.add(location, "must be a mapping, not " + describe(node));
            return result;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            result.put(e.getKey(), new YamlNode(e.getValue(), child(e.getKey()), pointer.appendProperty(e.getKey()),
                    problems, plainScalars));
        }
        return result;
    }

    /**
     * The entries of this mapping whose keys are not in {@code known}, as plain Java values, in document order; a
     * {@link PlainScalar} where the document has a plain scalar that a YAML 1.1 reader takes for another type.
     */
    public Map<String, Object> unknownEntries(Set<String> known) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!known.contains(e.getKey())) {
                    result.put(e.getKey(), keptValue(e.getValue(), pointer.appendProperty(e.getKey())));
                }
            }
        }
        return result;
    }

    private Object keptValue(JsonNode value, JsonPointer at) {
        if (value.isString() && Yaml11Quoting.resolvesToNonString(value.stringValue())
                && plainScalars.isPlainNonString(at)) {
            return new PlainScalar(value.stringValue());
        }
        if (value.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                map.put(e.getKey(), keptValue(e.getValue(), at.appendProperty(e.getKey())));
            }
            return map;
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                list.add(keptValue(value.get(i), at.appendIndex(i)));
            }
            return list;
        }
        return YamlDocuments.yaml().treeToValue(value, Object.class);
    }

    /** This node as a plain Java value (maps, lists, strings, numbers, booleans, null). */
    public Object toPlainValue() {
        return isMissing() ? null : YamlDocuments.yaml().treeToValue(node, Object.class);
    }

    private String child(String key) {
        return location.isEmpty() ? key : location + "." + key;
    }

    /**
     * Whether all values are there. Typed accessors return {@code null} for a missing or mistyped required value and
     * record the problem, so a reader checks this before it builds its result.
     */
    public static boolean allPresent(Object... values) {
        for (Object value : values) {
            if (value == null) {
                return false;
            }
        }
        return true;
    }

    /** A short description of a node's type for messages. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "empty";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isString()) {
            return "the string '" + node.stringValue() + "'";
        }
        if (node.isNumber()) {
            return "the number " + node.asString();
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asString();
        }
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
