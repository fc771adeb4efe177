package dev.tipflood.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
  private static Profile parse(String yaml) {
    return ProfileLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "p.yaml");
  }

  private static String error(String yaml) {
    try {
      parse(yaml);
    } catch (ProfileException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a ProfileException for:\n" + yaml);
  }

  @Test
  void builtinProfilesLoadAndOnlyNaiveBuffersInHeap() {
    for (String name : ProfileLoader.BUILTIN_NAMES) {
      Profile p = ProfileLoader.builtin(name);
      assertThat(p.name()).isEqualTo(name);
      assertThat(p.uploads().buffered()).isEqualTo(name.equals("naive"));
    }
    assertThat(ProfileLoader.builtin("naive").jvm().heap()).isEqualTo(ByteSize.ofMegabytes(256));
    assertThat(ProfileLoader.builtin("unlimited").limits().maxRequestBytes().isUnlimited()).isTrue();
  }

  @Test
  void absentSectionsTakeDefaultsAndBufferingIsNeverADefault() {
    Profile p = parse("name: bare\n");
    assertThat(p.uploads().buffered()).isFalse();
    assertThat(p.limits().maxMediaBytes()).isEqualTo(ByteSize.ofMegabytes(32));
    assertThat(p.ingress().slowBodyTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.debug().fixedResponseDelay()).isZero();
  }

  @Test
  void sizesAndDurationsParse() {
    Profile p = parse("name: x\nlimits:\n  maxMediaBytes: 5MB\n  maxRequestBytes: 512\ndebug:\n  fixedResponseDelay: 250ms\n");
    assertThat(p.limits().maxMediaBytes().bytes()).isEqualTo(5L * 1024 * 1024);
    assertThat(p.limits().maxRequestBytes().bytes()).isEqualTo(512);
    assertThat(p.debug().fixedResponseDelay()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void badSizeNamesFileLineFieldAndWhatIsAllowed() {
    assertThat(error("name: x\nlimits:\n  maxMediaBytes: 32 megs\n")).isEqualTo(
        "p.yaml:3:18: field 'limits.maxMediaBytes': '32 megs' is not a size like 512, 64KB, 32MB or 2GB "
            + "(units B, KB, MB, GB; 1KB = 1024 bytes) or 'unlimited'");
  }

  @Test
  void badDurationIsNamed() {
    assertThat(error("name: x\ningress:\n  idleTimeout: 30 seconds\n")).isEqualTo(
        "p.yaml:3:16: field 'ingress.idleTimeout': '30 seconds' is not a duration like 250ms, 30s, 2m or 1h (or 0 for none)");
  }

  @Test
  void unknownFieldListsTheAllowedOnes() {
    assertThat(error("name: x\nlimits:\n  maxPart: 3\n")).isEqualTo(
        "p.yaml:3:3: unknown field 'limits.maxPart'; allowed here: maxDescriptionChars, maxHeaderBytes, "
            + "maxMediaBytes, maxMetadataBytes, maxParts, maxRequestBytes");
  }

  @Test
  void unknownSectionListsTheSections() {
    assertThat(error("name: x\ncaching:\n  size: 1GB\n")).isEqualTo(
        "p.yaml:2:1: unknown field 'caching'; allowed here: debug, defences, description, health, ingress, jvm, limits, name, "
            + "processing, review, storage, uploads");
  }

  @Test
  void countBelowOneIsRejected() {
    assertThat(error("name: x\nlimits:\n  maxParts: 0\n")).isEqualTo(
        "p.yaml:3:13: field 'limits.maxParts': '0' is not a whole number of at least 1, or 'unlimited'");
  }

  @Test
  void recordRuleViolationsNameTheField() {
    assertThat(error("name: x\njvm:\n  heap: 16MB\n")).startsWith("p.yaml:").endsWith(
        "field 'jvm.heap': must be between 64MB and a finite size, got 16MB");
    assertThat(error("name: Not_Valid\n")).endsWith(
        "field 'name': 'Not_Valid' is not allowed: use 1-63 lower-case letters, digits, '-' and '+'");
    assertThat(error("description: no name\n")).endsWith("field 'name': is required: lower-case letters, digits and '-'");
    assertThat(error("name: x\ningress:\n  slowBodyTimeout: 10ms\n")).endsWith(
        "field 'ingress.slowBodyTimeout': must be 0 (never) or at least 100ms, got 10ms");
  }

  @Test
  void wrongTypeSaysWhatWasExpected() {
    assertThat(error("name: x\nuploads:\n  bufferUploadsInMemory: [yes]\n")).endsWith(
        "field 'uploads.bufferUploadsInMemory': wrong type; expected true or false");
    assertThat(error("name: x\nlimits: 5\n")).endsWith("field 'limits': wrong type; expected a section (a mapping of fields)");
  }

  @Test
  void emptyFileAndBrokenYamlAreReported() {
    assertThat(error("")).isEqualTo("p.yaml: the file is empty; a profile needs at least 'name'");
    assertThat(error("name: \"unclosed\n")).startsWith("p.yaml:").contains("not valid YAML");
  }

  @Test
  void resolveNamesBuiltinsAndFiles(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("mine.yaml"), "name: mine\n");
    assertThat(ProfileLoader.resolve(file.toString()).name()).isEqualTo("mine");
    assertThat(ProfileLoader.resolve("tipline").name()).isEqualTo("tipline");
    assertThatThrownBy(() -> ProfileLoader.resolve("nope")).hasMessage(
        "profile 'nope' is neither a built-in profile (tipline, naive, unlimited, tipline+throttle, tipline+triage, tipline+full) nor a readable file");
  }

  @Test
  void scalingShrinksMediaCapsOnly() {
    Profile p = ProfileLoader.builtin("tipline").scaled(0.5);
    assertThat(p.limits().maxMediaBytes()).isEqualTo(ByteSize.ofMegabytes(256));
    assertThat(p.limits().maxRequestBytes()).isEqualTo(ByteSize.ofMegabytes(512));
    assertThat(p.limits().maxHeaderBytes()).isEqualTo(ByteSize.ofBytes(8 * 1024));
    assertThat(p.jvm().heap()).isEqualTo(ByteSize.ofMegabytes(512));
    assertThat(ProfileLoader.builtin("unlimited").scaled(0.1).limits().maxMediaBytes().isUnlimited()).isTrue();
  }

  @Test
  void printedJsonUsesTheYamlSyntax() {
    String json = ProfileLoader.toJson(ProfileLoader.builtin("naive"));
    assertThat(json).contains("\"heap\" : \"256MB\"").contains("\"maxMediaBytes\" : \"unlimited\"")
        .contains("\"slowBodyTimeout\" : \"0\"").contains("\"bufferUploadsInMemory\" : true");
  }
}
