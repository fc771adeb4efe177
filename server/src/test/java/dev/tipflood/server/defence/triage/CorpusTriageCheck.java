package dev.tipflood.server.defence.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.triage.sniff.MediaSniffRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Triage against a generated scenario corpus (not part of the default build: it needs one).
 * Every file the load generator sends, legit or junk, must pass the type and structure checks:
 * sniffing refuses malformed media, not flood content.
 *
 * <pre>{@code
 * java -jar loadgen/target/tipflood.jar corpus fancam-flood --out /tmp/corpus
 * mvn -B test -pl server -am -Dtest=CorpusTriageCheck -Dtipflood.corpus=/tmp/corpus/<key>
 * }</pre>
 */
@EnabledIfSystemProperty(named = "tipflood.corpus", matches = ".+")
class CorpusTriageCheck {

  @Test
  void everyCorpusFilePassesTheSniffer() throws IOException {
    List<String> refused = new ArrayList<>();
    int checked = 0;
    for (String dir : System.getProperty("tipflood.corpus").split(",")) {
      Path root = Path.of(dir);
      JsonNode manifest = new ObjectMapper().readTree(root.resolve("manifest.json").toFile());
      for (JsonNode f : manifest.get("files")) {
        byte[] bytes = Files.readAllBytes(root.resolve(f.get("path").asText()));
        Decision d = MediaSniffRunner.run(f.get("contentType").asText(), bytes, 8192);
        checked++;
        if (!(d instanceof Decision.Admit)) {
          refused.add(f.get("path").asText() + ": " + d);
        }
      }
    }
    System.out.println("CorpusTriageCheck: " + checked + " files, " + refused.size() + " refused");
    assertThat(refused).isEmpty();
  }
}
