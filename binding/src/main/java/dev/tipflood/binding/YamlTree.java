package dev.tipflood.binding;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses YAML text into a {@link YNode} tree with positions, reporting syntax errors and duplicate keys. */
public final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /** The root node, or empty when the text is not valid YAML (the problem is recorded). */
    public static Optional<YNode> parse(String text, Problems problems) {
        try (JsonParser parser = FACTORY.createParser(new WholeCodePointReader(new java.io.StringReader(text)))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(1, 1, "", "", "the file is empty; a scenario is a YAML mapping with name, duration, populations");
                return Optional.empty();
            }
            Reader reader = new Reader((YAMLParser) parser, problems);
            YNode root = reader.read("");
            // An unresolved alias is like a syntax error: checking the fields around it would only add noise.
            return reader.unresolvedAlias ? Optional.empty() : Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            problems.add(loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), "", "",
                    "not valid YAML: " + oneLine(e.getOriginalMessage()));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(0, 0, "", "", "could not read YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** SnakeYAML messages echo the source with a caret over several lines; keep only the words. */
    static String oneLine(String message) {
        return message.lines()
                .filter(l -> !l.isBlank() && !l.startsWith(" in 'reader'") && !l.startsWith("    ") && !l.strip().matches("\\^+"))
                .map(String::strip)
                .reduce((a, b) -> a + "; " + b).orElse(message.strip());
    }

    /**
     * Builds the tree. Jackson reports an alias ({@code *name}) as a plain scalar, so anchors
     * ({@code &name}) are remembered here and aliases replaced by the anchored node; a merge key
     * ({@code <<: *name}) copies the anchored mapping's fields that the mapping does not set.
     */
    private static final class Reader {
        private static final String MERGE = "<<";
        private final YAMLParser p;
        private final Problems problems;
        private final Map<String, YNode> anchors = new LinkedHashMap<>();
        private boolean unresolvedAlias;

        Reader(YAMLParser parser, Problems problems) {
            this.p = parser;
            this.problems = problems;
        }

        YNode read(String path) throws IOException {
            JsonLocation loc = p.currentTokenLocation();
            String anchor = p.getObjectId();
            YNode node;
            if (p.currentToken() == JsonToken.START_OBJECT) {
                node = mapping(path, loc);
            } else if (p.currentToken() == JsonToken.START_ARRAY) {
                List<YNode> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(path + "[" + i++ + "]"));
                }
                node = new YNode.Sequence(items, loc.getLineNr(), loc.getColumnNr());
            } else if (p.isCurrentAlias()) {
                node = anchors.get(p.getText());
                if (node == null) {
                    problems.add(loc.getLineNr(), loc.getColumnNr(), path, "*" + p.getText(),
                            "unknown alias; define it first with &" + p.getText());
                    unresolvedAlias = true;
                    node = new YNode.Scalar("", JsonToken.VALUE_NULL, loc.getLineNr(), loc.getColumnNr());
                }
            } else {
                node = new YNode.Scalar(p.getText(), p.currentToken(), loc.getLineNr(), loc.getColumnNr());
            }
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private YNode mapping(String path, JsonLocation loc) throws IOException {
            Map<String, YNode.Key> keys = new LinkedHashMap<>();
            Map<String, YNode> values = new LinkedHashMap<>();
            YNode merged = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation kl = p.currentTokenLocation();
                String childPath = path.isEmpty() ? name : path + "." + name;
                p.nextToken();
                YNode value = read(childPath);
                if (MERGE.equals(name)) {
                    merged = value;
                } else if (keys.containsKey(name)) {
                    problems.add(kl.getLineNr(), kl.getColumnNr(), childPath, name,
                            "duplicate key; it is already set on line " + keys.get(name).line());
                } else {
                    keys.put(name, new YNode.Key(name, kl.getLineNr(), kl.getColumnNr()));
                    values.put(name, value);
                }
            }
            if (merged instanceof YNode.Mapping base) {
                base.values().forEach(values::putIfAbsent);
                base.keys().forEach(keys::putIfAbsent);
            } else if (merged != null) {
                problems.add(merged.line(), merged.column(), path.isEmpty() ? MERGE : path + "." + MERGE,
                        merged.display(), "a merge key needs an alias of a mapping, e.g. <<: *defaults");
            }
            return new YNode.Mapping(keys, values, loc.getLineNr(), loc.getColumnNr());
        }
    }
}
