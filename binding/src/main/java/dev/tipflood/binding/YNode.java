package dev.tipflood.binding;

import com.fasterxml.jackson.core.JsonToken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers where it was written, so errors can name line and column.
 * Jackson's tree model drops locations; this small tree keeps them.
 */
public sealed interface YNode permits YNode.Scalar, YNode.Mapping, YNode.Sequence {

    int line();

    int column();

    /** The node as the user wrote it, for error messages. */
    String display();

    /** A scalar: its literal text and the token Jackson saw (string, int, float, boolean, null). */
    record Scalar(String text, JsonToken token, int line, int column) implements YNode {
        public boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }

        public boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        @Override
        public String display() {
            return isNull() ? "null" : text;
        }
    }

    /** A key of a mapping with its own position. */
    record Key(String name, int line, int column) {
    }

    /** A mapping, in file order. */
    record Mapping(Map<String, Key> keys, Map<String, YNode> values, int line, int column) implements YNode {
        public Mapping {
            keys = new LinkedHashMap<>(keys);
            values = new LinkedHashMap<>(values);
        }

        @Override
        public String display() {
            return "{" + String.join(", ", values.keySet()) + "}";
        }
    }

    /** A sequence. */
    record Sequence(List<YNode> items, int line, int column) implements YNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String display() {
            return "[" + items.size() + " items]";
        }
    }
}
