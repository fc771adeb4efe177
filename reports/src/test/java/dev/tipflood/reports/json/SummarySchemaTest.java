package dev.tipflood.reports.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tipflood.reports.Fixtures;
import dev.tipflood.reports.analysis.RunAnalyzer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every summary the analysis writes is valid against summary.schema.json, and the schema can fail. */
class SummarySchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  static Stream<Arguments> runs() {
    return Stream.of(Arguments.of("collapse", (Function<Path, Path>) Fixtures::collapse),
        Arguments.of("held", (Function<Path, Path>) Fixtures::held),
        Arguments.of("targetOnly", (Function<Path, Path>) Fixtures::targetOnly));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void everySummaryValidatesAgainstTheSchema(String name, Function<Path, Path> fixture) throws Exception {
    JsonNode summary = JSON.readTree(SummaryJson.text(RunAnalyzer.analyze(fixture.apply(dir))));

    assertThat(schema().validate(summary)).isEmpty();
    assertThat(summary.path("schemaVersion").asInt()).isEqualTo(SummaryJson.SCHEMA_VERSION);
  }

  @Test
  void theSchemaRejectsASummaryWithoutItsScore() throws Exception {
    ObjectNode summary = (ObjectNode) JSON.readTree(SummaryJson.text(RunAnalyzer.analyze(Fixtures.collapse(dir))));
    summary.remove("score");
    ((ObjectNode) summary.path("degradation")).put("metastability", "sometimes");

    Set<ValidationMessage> errors = schema().validate(summary);

    assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("score"))
        .anyMatch(m -> m.contains("metastability"));
  }

  /** The schema shipped in the jar; a helper for other modules' tests too. */
  public static JsonSchema schema() throws Exception {
    try (InputStream in = SummaryJson.class.getResourceAsStream(SummaryJson.SCHEMA_RESOURCE)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }
}
