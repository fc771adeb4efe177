package dev.tipflood.scenarios.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.scenarios.model.MediaType;
import dev.tipflood.scenarios.model.Truth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** Writes and reads {@code manifest.json}; field order is fixed so the bytes are reproducible. */
final class ManifestJson {
    static final String FILE = "manifest.json";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {
    }

    static void write(CorpusManifest m, Path directory) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT_VERSION);
        root.put("key", m.key());
        root.put("generatorVersion", m.generatorVersion());
        root.put("scenario", m.scenario());
        root.put("seed", m.seed());
        root.put("scale", m.scale());
        root.put("fileCount", m.files().size());
        root.put("totalBytes", m.totalBytes());
        ArrayNode files = root.putArray("files");
        for (CorpusFile f : m.files()) {
            ObjectNode n = files.addObject();
            n.put("path", f.path());
            n.put("population", f.population());
            n.put("truth", f.truth().id());
            n.put("mediaType", f.mediaType().id());
            n.put("contentType", f.contentType());
            n.put("sourceId", f.sourceId());
            n.put("clusterId", f.clusterId());
            n.put("transform", f.transform().id());
            n.put("size", f.size());
            n.put("sha256", f.sha256());
            f.durationMillis().ifPresent(d -> n.put("durationMillis", d));
        }
        Files.write(directory.resolve(FILE), MAPPER.writeValueAsBytes(root));
    }

    static CorpusManifest read(Path directory) {
        try {
            JsonNode root = MAPPER.readTree(directory.resolve(FILE).toFile());
            List<CorpusFile> files = new ArrayList<>();
            for (JsonNode n : root.path("files")) {
                files.add(new CorpusFile(n.path("path").asText(), n.path("population").asText(),
                        Truth.valueOf(n.path("truth").asText().toUpperCase(Locale.ROOT)),
                        MediaType.valueOf(n.path("mediaType").asText().toUpperCase(Locale.ROOT)),
                        n.path("contentType").asText(), n.path("sourceId").asText(), n.path("clusterId").asText(),
                        Transform.valueOf(n.path("transform").asText().toUpperCase(Locale.ROOT)),
                        n.path("size").asLong(), n.path("sha256").asText(),
                        n.has("durationMillis") ? OptionalLong.of(n.get("durationMillis").asLong()) : OptionalLong.empty()));
            }
            return new CorpusManifest(directory, root.path("key").asText(), root.path("generatorVersion").asInt(),
                    root.path("scenario").asText(), root.path("seed").asLong(), root.path("scale").asDouble(), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus manifest in " + directory, e);
        }
    }
}
