package io.gardenlinux.glci.model.yaml;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import tools.jackson.core.JsonPointer;

/**
 * Where a YAML document has plain (unquoted, untagged) scalars that a YAML 1.1 reader takes for something other than
 * a string ({@link Yaml11Quoting#resolvesToNonString}). The tree glci reads a document into does not tell a plain
 * {@code 2021-08-04} from a quoted one; this does, from the document's events. They are parsed on the first question
 * only, and only a string that a YAML 1.1 reader would retype is asked about, so most documents are parsed once.
 */
public final class PlainScalars {

    private static final PlainScalars NONE = new PlainScalars(null);

    private final byte[] document;
    private Set<JsonPointer> found;

    private PlainScalars(byte[] document) {
        this.document = document;
    }

    /** The plain scalars of {@code document}, which must be valid YAML (read it with {@link YamlDocuments} first). */
    public static PlainScalars of(byte[] document) {
        return new PlainScalars(document.clone());
    }

    /** For a tree that was not read from YAML: it has no plain scalars. */
    public static PlainScalars none() {
        return NONE;
    }

    /** Whether the scalar at {@code at} is plain and a YAML 1.1 reader takes it for another type than string. */
    public boolean isPlainNonString(JsonPointer at) {
        if (document == null) {
            return false;
        }
        if (found == null) {
            found = locate(document);
        }
        return found.contains(at);
    }

    /** A mapping or sequence being walked: where it is, and the key of its next value. */
    private static final class Collection {
        final JsonPointer at;
        final boolean mapping;
        String key;
        int index;

        Collection(JsonPointer at, boolean mapping) {
            this.at = at;
            this.mapping = mapping;
        }

        /** Where {@code node} goes in this collection; {@code null} when it is the key of a mapping's next value. */
        JsonPointer place(Event node) {
            if (!mapping) {
                return at.appendIndex(index++);
            }
            if (key == null) {
                // glci's reader rejects keys that are not scalars, so these need no place
                key = node instanceof ScalarEvent scalar ? scalar.getValue() : "";
                return null;
            }
            JsonPointer value = at.appendProperty(key);
            key = null;
            return value;
        }
    }

    private static Set<JsonPointer> locate(byte[] document) {
        Set<JsonPointer> result = new HashSet<>();
        Deque<Collection> open = new ArrayDeque<>();
        for (Event event : new Parse(LoadSettings.builder().build())
                .parseInputStream(new ByteArrayInputStream(document))) {
            Event.ID id = event.getEventId();
            if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
                open.pop();
            } else if (id == Event.ID.Scalar || id == Event.ID.Alias || id == Event.ID.MappingStart
                    || id == Event.ID.SequenceStart) {
                JsonPointer at = open.isEmpty() ? JsonPointer.empty() : open.peek().place(event);
                if (id == Event.ID.MappingStart || id == Event.ID.SequenceStart) {
                    open.push(new Collection(at == null ? JsonPointer.empty() : at, id == Event.ID.MappingStart));
                } else if (at != null && event instanceof ScalarEvent scalar && scalar.isPlain()
                        && scalar.getTag().isEmpty() && Yaml11Quoting.resolvesToNonString(scalar.getValue())) {
                    result.add(at);
                }
            }
        }
        return result;
    }
}
