package dev.tipflood.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tipflood.binding.KindRegistry;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.catalogue.Catalogue;
import dev.tipflood.scenarios.model.MediaType;
import dev.tipflood.scenarios.model.MediaTypeSpec;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.model.Variant;
import dev.tipflood.scenarios.reader.Kinds;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code scenario.schema.json} in step with the model: every record reachable from
 * {@link Scenario} has a definition whose properties are exactly its components (YAML field
 * names are component names), every registered kind has one, and every built-in validates.
 */
class SchemaSyncTest {
    static JsonNode schema;
    static JsonNode defs;

    /** Polymorphic model types: the registry that reads them and the prefix of their definitions. */
    static final Map<Class<?>, Map.Entry<String, KindRegistry<?, ?>>> REGISTRIES = Map.of(
            dev.tipflood.scenarios.model.ArrivalSpec.class, Map.entry("arrival", Kinds.ARRIVALS),
            dev.tipflood.scenarios.model.Distribution.class, Map.entry("distribution", Kinds.DISTRIBUTIONS),
            dev.tipflood.scenarios.model.Backoff.class, Map.entry("backoff", Kinds.BACKOFFS));

    /** Model types written as a single string in YAML; the schema has a string definition for them. */
    static final Set<String> SCALARS = Set.of("Target", "IpMapping", "RetryCondition", "Bandwidth", "Duration");

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = SchemaSyncTest.class.getResourceAsStream("/scenario.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        defs = schema.path("definitions");
    }

    @Test
    void everyRecordReachableFromScenarioHasADefinitionWithExactlyItsFields() {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        walk(Scenario.class, expected);
        assertThat(expected).containsKeys("Scenario", "Population", "MediaTypeSpec", "arrival-waves", "Wave",
                "backoff-exponential", "distribution-lognormal");
        expected.forEach((def, fields) -> assertThat(properties(def)).as("properties of definition " + def)
                .containsExactlyInAnyOrderElementsOf(fields));
    }

    @Test
    void polymorphicDefinitionsListExactlyTheRegisteredKinds() {
        assertThat(refs(defs.path("ArrivalSpec").path("oneOf"))).containsExactlyElementsOf(
                Kinds.ARRIVALS.kinds().keySet().stream().map(k -> "arrival-" + k).toList());
        assertThat(refs(defs.path("Distribution").path("oneOf"))).containsExactlyElementsOf(
                Kinds.DISTRIBUTIONS.kinds().keySet().stream().map(k -> "distribution-" + k).toList());
        assertThat(refs(defs.path("RetryPolicy").path("properties").path("backoff").path("oneOf"))).containsExactlyElementsOf(
                Kinds.BACKOFFS.kinds().keySet().stream().map(k -> "backoff-" + k).toList());
    }

    @Test
    void keyedMappingsListEveryEnumValue() {
        assertThat(fieldNames(defs.path("MediaMix").path("properties").path("types").path("properties")))
                .containsExactlyElementsOf(Arrays.stream(MediaType.values()).map(MediaType::id).toList());
        assertThat(fieldNames(defs.path("SourcePool").path("properties").path("variants").path("properties")))
                .containsExactlyElementsOf(Arrays.stream(Variant.values()).map(Variant::id).toList());
    }

    static java.util.stream.Stream<String> builtins() {
        return Scenarios.builtinNames().stream();
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void everyBuiltinScenarioValidatesAgainstTheSchema(String name) throws IOException {
        JsonNode yaml = new YAMLMapper().readTree(Catalogue.yaml(name).orElseThrow());
        assertThat(validator().validate(yaml)).isEmpty();
    }

    @Test
    void theSchemaRejectsAMisspelledField() throws IOException {
        JsonNode yaml = new YAMLMapper().readTree(Catalogue.yaml("smoke").orElseThrow().replace("duration: 30s", "duraton: 30s"));
        Set<ValidationMessage> errors = validator().validate(yaml);
        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("duraton"));
    }

    static JsonSchema validator() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    }

    /** Collects definition name -> YAML fields for {@code type} and everything it contains. */
    static void walk(Type type, Map<String, Set<String>> out) {
        if (type instanceof ParameterizedType p) {
            Arrays.stream(p.getActualTypeArguments()).forEach(t -> walk(t, out));
            return;
        }
        if (!(type instanceof Class<?> c) || !c.getPackageName().startsWith("dev.tipflood.scenarios")
                || SCALARS.contains(c.getSimpleName()) || c.isEnum()) {
            return;
        }
        if (REGISTRIES.containsKey(c)) {
            var registry = REGISTRIES.get(c);
            registry.getValue().kinds().forEach((name, kind) -> {
                String def = registry.getKey() + "-" + name;
                if (!out.containsKey(def)) {
                    Set<String> fields = fields(kind.type());
                    fields.add("kind");
                    out.put(def, fields);
                    components(kind.type()).forEach(rc -> walk(rc.getGenericType(), out));
                }
            });
            return;
        }
        if (c.isRecord() && !out.containsKey(c.getSimpleName())) {
            out.put(c.getSimpleName(), fields(c));
            components(c).forEach(rc -> walk(rc.getGenericType(), out));
        }
    }

    static Set<String> fields(Class<?> record) {
        // A media type's 'type' is its key in the 'types' mapping, not a field.
        return components(record).stream().map(RecordComponent::getName)
                .filter(n -> !(record == MediaTypeSpec.class && n.equals("type")))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static java.util.List<RecordComponent> components(Class<?> record) {
        return Arrays.asList(record.getRecordComponents());
    }

    static Set<String> properties(String def) {
        assertThat(defs.has(def)).as("schema has a definition " + def).isTrue();
        return fieldNames(defs.path(def).path("properties"));
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static java.util.List<String> refs(JsonNode oneOf) {
        return StreamSupport.stream(oneOf.spliterator(), false).filter(n -> n.has("$ref"))
                .map(n -> n.get("$ref").asText().replace("#/definitions/", "")).toList();
    }
}
