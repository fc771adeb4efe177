package dev.tipflood.scenarios.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tipflood.scenarios.validate.Problems;
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
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(1, 1, "", "", "the file is empty; a scenario is a YAML mapping with name, duration, populations");
                return Optional.empty();
            }
            return Optional.of(read(parser, problems, ""));
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

    private static YNode read(JsonParser p, Problems problems, String path) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YNode.Key> keys = new LinkedHashMap<>();
            Map<String, YNode> values = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation kl = p.currentTokenLocation();
                String childPath = path.isEmpty() ? name : path + "." + name;
                p.nextToken();
                YNode value = read(p, problems, childPath);
                if (keys.containsKey(name)) {
                    problems.add(kl.getLineNr(), kl.getColumnNr(), childPath, name,
                            "duplicate key; it is already set on line " + keys.get(name).line());
                    continue;
                }
                keys.put(name, new YNode.Key(name, kl.getLineNr(), kl.getColumnNr()));
                values.put(name, value);
            }
            return new YNode.Mapping(keys, values, line, col);
        } else if (t == JsonToken.START_ARRAY) {
            List<YNode> items = new ArrayList<>();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(p, problems, path + "[" + i++ + "]"));
            }
            return new YNode.Sequence(items, line, col);
        }
        return new YNode.Scalar(p.getText(), t, line, col);
    }
}
