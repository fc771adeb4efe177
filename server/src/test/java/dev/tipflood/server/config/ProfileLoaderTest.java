package dev.tipflood.server.config;

import static dev.tipflood.server.config.ProfileTexts.error;
import static dev.tipflood.server.config.ProfileTexts.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.units.ByteSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
  @Test
  void builtinProfilesLoadAndOnlyNaiveBuffersInHeap() {
    for (String name : ProfileLoader.BUILTIN_NAMES) {
      Profile p = ProfileLoader.builtin(name);
      assertThat(p.name()).isEqualTo(name);
      assertThat(p.uploads().buffered()).isEqualTo(name.equals("naive"));
    }
    assertThat(ProfileLoader.builtin("naive").jvm().heap()).isEqualTo(ByteSize.ofMebibytes(256));
    assertThat(ProfileLoader.builtin("unlimited").limits().maxRequestBytes().isUnlimited()).isTrue();
  }

  @Test
  void absentSectionsTakeDefaultsAndBufferingIsNeverADefault() {
    Profile p = parse("name: bare\n");
    assertThat(p.uploads().buffered()).isFalse();
    assertThat(p.limits().maxMediaBytes()).isEqualTo(ByteSize.ofMebibytes(32));
    assertThat(p.ingress().slowBodyTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.ingress().headerTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.debug().fixedResponseDelay()).isZero();
  }

  @Test
  void sizesAndDurationsParse() {
    Profile p = parse("name: x\nlimits:\n  maxMediaBytes: 5MiB\n  maxRequestBytes: 512B\ndebug:\n  fixedResponseDelay: 250ms\n");
    assertThat(p.limits().maxMediaBytes().bytes()).isEqualTo(5L * 1024 * 1024);
    assertThat(p.limits().maxRequestBytes().bytes()).isEqualTo(512);
    assertThat(p.debug().fixedResponseDelay()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void badSizeNamesFileLineFieldAndWhatIsAllowed() {
    assertThat(error("name: x\nlimits:\n  maxMediaBytes: 32 megs\n")).isEqualTo(
        "p.yaml:3:18: limits.maxMediaBytes: bad value '32 megs': a size like 512KB, 3MB, 1.5GB (decimal: 1MB = "
            + "1000000 bytes) or 64KiB, 2MiB (binary: 1MiB = 1048576 bytes); units B KB MB GB TB KiB MiB GiB TiB, "
            + "case-sensitive, no space; 0 needs no unit; or 'unlimited'");
  }

  @Test
  void badDurationIsNamed() {
    assertThat(error("name: x\ningress:\n  idleTimeout: 30 seconds\n")).isEqualTo(
        "p.yaml:3:16: ingress.idleTimeout: bad value '30 seconds': a duration like 250ms, 90s, 2m or 1.5h "
            + "(units ms s m h, lower case, no space; 0 needs no unit)");
  }

  @Test
  void unknownFieldListsTheAllowedOnes() {
    assertThat(error("name: x\nlimits:\n  maxPart: 3\n")).isEqualTo(
        "p.yaml:3:3: limits.maxPart: bad value 'maxPart': unknown field; valid fields here: maxRequestBytes, "
            + "maxMediaBytes, maxParts, maxMetadataBytes, maxDescriptionChars, maxHeaderBytes");
  }

  @Test
  void unknownSectionListsTheSections() {
    assertThat(error("name: x\ncaching:\n  size: 1GB\n")).isEqualTo(
        "p.yaml:2:1: caching: bad value 'caching': unknown field; valid fields here: name, description, jvm, limits, "
            + "uploads, ingress, debug, storage, processing, review, health, defences");
  }

  @Test
  void countBelowOneIsRejected() {
    assertThat(error("name: x\nlimits:\n  maxParts: 0\n")).isEqualTo(
        "p.yaml:3:13: limits.maxParts: bad value '0': a whole number of at least 1, or 'unlimited'");
  }

  @Test
  void recordRuleViolationsNameTheField() {
    assertThat(error("name: x\njvm:\n  heap: 16MB\n")).startsWith("p.yaml:").endsWith(
        "jvm.heap: bad value '16MB': must be between 64MiB and a finite size, got 16MB");
    assertThat(error("name: Not_Valid\n")).endsWith(
        "name: bad value 'Not_Valid': 1-63 lower-case letters, digits, '-' and '+'");
    assertThat(error("description: no name\n")).endsWith("name: missing: required field; 1-63 lower-case letters, digits, '-' and '+'");
    assertThat(error("name: x\ningress:\n  slowBodyTimeout: 10ms\n")).endsWith(
        "ingress.slowBodyTimeout: bad value '10ms': must be 0 (never) or at least 100ms, got 10ms");
    assertThat(error("name: x\ningress:\n  headerTimeout: 50ms\n")).endsWith(
        "ingress.headerTimeout: bad value '50ms': must be 0 (never) or at least 100ms, got 50ms");
    assertThat(error("name: x\ningress:\n  headerTimeout: -1s\n")).contains("ingress.headerTimeout: bad value");
    assertThat(parse("name: x\ningress:\n  headerTimeout: 0\n").ingress().headerTimeout()).isZero();
  }

  @Test
  void wrongTypeSaysWhatWasExpected() {
    assertThat(error("name: x\nuploads:\n  bufferUploadsInMemory: [yes]\n")).endsWith(
        "uploads.bufferUploadsInMemory: bad value '[1 items]': true or false");
    assertThat(error("name: x\nlimits: 5\n")).endsWith("limits: bad value '5': a mapping of fields (key: value)");
  }

  @Test
  void everyErrorComesAtOnceInFileOrderEachWithItsPositionValueAndWhatIsValid() {
    String yaml = "name: Bad_Name\n"
        + "jvm: {heap: 1 GB}\n"
        + "limits:\n"
        + "  maxParts: many\n"
        + "  maxPart: 3\n"
        + "ingress: {idleTimeout: 30 seconds}\n"
        + "defences:\n"
        + "  - {name: a, kind: token-bucket, key: device, capacity: lots}\n";
    assertThat(error(yaml).lines()).containsExactly(
        "p.yaml:1:7: name: bad value 'Bad_Name': 1-63 lower-case letters, digits, '-' and '+'",
        "p.yaml:2:13: jvm.heap: bad value '1 GB': " + ByteSize.EXPECTED_OR_UNLIMITED,
        "p.yaml:4:13: limits.maxParts: bad value 'many': a whole number of at least 1, or 'unlimited'",
        "p.yaml:5:3: limits.maxPart: bad value 'maxPart': unknown field; valid fields here: maxRequestBytes, "
            + "maxMediaBytes, maxParts, maxMetadataBytes, maxDescriptionChars, maxHeaderBytes",
        "p.yaml:6:24: ingress.idleTimeout: bad value '30 seconds': " + dev.tipflood.units.Durations.EXPECTED,
        "p.yaml:8:58: defences[0].capacity: bad value 'lots': 'lots' is not a whole number (defence 'a', kind "
            + "token-bucket)");
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
    assertThat(p.limits().maxMediaBytes()).isEqualTo(ByteSize.ofMebibytes(256));
    assertThat(p.limits().maxRequestBytes()).isEqualTo(ByteSize.ofMebibytes(512));
    assertThat(p.limits().maxHeaderBytes()).isEqualTo(ByteSize.ofBytes(8 * 1024));
    assertThat(p.jvm().heap()).isEqualTo(ByteSize.ofMebibytes(512));
    assertThat(ProfileLoader.builtin("unlimited").scaled(0.1).limits().maxMediaBytes().isUnlimited()).isTrue();
  }

  @Test
  void printedJsonUsesTheYamlSyntax() {
    String json = ProfileLoader.toJson(ProfileLoader.builtin("naive"));
    assertThat(json).contains("\"heap\" : \"256MiB\"").contains("\"maxMediaBytes\" : \"unlimited\"")
        .contains("\"slowBodyTimeout\" : \"0\"").contains("\"bufferUploadsInMemory\" : true");
  }
}
