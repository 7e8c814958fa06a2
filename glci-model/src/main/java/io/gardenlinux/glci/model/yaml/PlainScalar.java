package io.gardenlinux.glci.model.yaml;

import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.dataformat.yaml.YAMLGenerator;

/**
 * A plain (unquoted) scalar of a document another writer wrote, which glci's YAML 1.2 reader took for a string but a
 * YAML 1.1 reader takes for something else, e.g. a date ({@code 2021-08-04}) or a boolean ({@code yes}). Kept among a
 * document's unknown keys so that it is written back plain and means to the next YAML 1.1 reader what it meant to the
 * writer. JSON has it as a string.
 */
public record PlainScalar(String text) implements JacksonSerializable {

    public PlainScalar {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public void serialize(JsonGenerator generator, SerializationContext context) {
        if (generator instanceof YAMLGenerator) {
            // the YAML generator writes a number given as text verbatim as a plain scalar
            generator.writeNumber(text);
        } else {
            generator.writeString(text);
        }
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer types) {
        serialize(generator, context);
    }

    @Override
    public String toString() {
        return text;
    }
}
