package dev.tipflood.scenarios.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.binding.ValidationError;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.validate.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per category of error, each pinning the exact message a user sees. */
class ValidationMessagesTest {

    /** A minimal valid scenario; tests replace one line to break it. */
    static final String VALID = """
            name: tiny
            description: a minimal scenario for validation tests
            duration: 30s
            populations:
              - name: citizens
                truth: legit
                arrival: {kind: poisson, rate: 2}
                identity: {devices: 10, rotationShare: 0}
                media:
                  types:
                    photo: {weight: 1, size: {kind: lognormal, median: 2MB, sigma: 0.5}}
            """;

    static List<String> errors(String yaml) {
        try {
            Scenarios.parse(yaml, "t.yaml");
        } catch (ScenarioException e) {
            return e.errors().stream().map(ValidationError::message).toList();
        }
        throw new AssertionError("expected a ScenarioException");
    }

    static String replace(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    @Test
    void validScenarioLoads() {
        assertThat(Scenarios.parse(VALID, "t.yaml").populations()).hasSize(1);
    }

    @Test
    void targetIsEmbeddedAUrlOrAUrlMapping() {
        assertThat(Scenarios.parse(VALID, "t.yaml").target().isEmbedded()).isTrue();
        assertThat(Scenarios.parse(VALID + "target: http://127.0.0.1:8080\n", "t.yaml").target().url()).isPresent();
        assertThat(Scenarios.parse(VALID + "target: {url: 'http://127.0.0.1:8080'}\n", "t.yaml").target().url())
                .isPresent();
        assertThat(errors(VALID + "target: {url: 'localhost:80'}\n")).containsExactly(
                "t.yaml:12:15: target.url: bad value 'localhost:80': " + dev.tipflood.scenarios.model.Target.EXPECTED);
    }

    @Test
    void yamlSyntaxErrorNamesLineAndColumn() {
        assertThat(errors(replace("duration: 30s", "duration: [30s"))).singleElement().asString()
                .isEqualTo("t.yaml:4:12: (root): bad value '': not valid YAML: while parsing a flow sequence;"
                        + " expected ',' or ']', but got :");
    }

    @Test
    void missingRequiredField() {
        assertThat(errors(replace("duration: 30s\n", ""))).containsExactly(
                "t.yaml:1:1: duration: missing: required field; " + dev.tipflood.units.Durations.EXPECTED);
    }

    @Test
    void unknownFieldListsTheValidOnes() {
        assertThat(errors(replace("rate: 2", "rat: 2"))).containsExactly(
                "t.yaml:7:14: populations[0].arrival.rate: missing: required field; tips per second, a number >= 0",
                "t.yaml:7:30: populations[0].arrival.rat: bad value 'rat': unknown field; valid fields here: kind, rate");
    }

    @Test
    void sizeWithSpaceAndLowerCaseUnitIsRejected() {
        assertThat(errors(replace("median: 2MB", "median: 3 mb"))).containsExactly(
                "t.yaml:11:60: populations[0].media.types.photo.size.median: bad value '3 mb': a size like 512KB, 3MB,"
                        + " 1.5GB (decimal: 1MB = 1000000 bytes) or 64KiB, 2MiB (binary: 1MiB = 1048576 bytes); units B KB"
                        + " MB GB TB KiB MiB GiB TiB, case-sensitive, no space; 0 needs no unit");
    }

    @Test
    void durationWithoutUnitIsRejected() {
        assertThat(errors(replace("duration: 30s", "duration: 30"))).containsExactly(
                "t.yaml:3:11: duration: bad value '30': a duration like 250ms, 90s, 2m or 1.5h (units ms s m h, lower"
                        + " case, no space; 0 needs no unit)");
    }

    @Test
    void numberOutOfRange() {
        assertThat(errors(replace("rotationShare: 0", "rotationShare: 1.5"))).containsExactly(
                "t.yaml:8:44: populations[0].identity.rotationShare: bad value '1.5': must be a share between 0 and 1");
    }

    /** Found by the scenario loader's fuzz target: YAML reads 0x9 as a number, Java's parser did not. */
    @ParameterizedTest
    @ValueSource(strings = {"0x9", "0o7", "1_000", ".inf"})
    void aNumberInAnotherSpellingThanDecimalIsABadValueNotACrash(String spelling) {
        assertThat(errors(replace("rate: 2", "rate: " + spelling))).containsExactly(
                "t.yaml:7:36: populations[0].arrival.rate: bad value '" + spelling + "': must be a number >= 0");
    }

    @Test
    void decimalSpellingsStillLoad() {
        for (String spelling : new String[] {"2", "2.0", "+2", "2e0", "0.5e1", ".5"}) {
            assertThat(Scenarios.parse(replace("rate: 2", "rate: " + spelling), "t.yaml").populations()).hasSize(1);
        }
    }

    @Test
    void wrongTypeOfValue() {
        assertThat(errors(replace("rate: 2", "rate: fast"))).containsExactly(
                "t.yaml:7:36: populations[0].arrival.rate: bad value 'fast': must be a number >= 0");
    }

    @Test
    void unknownKindListsTheRegisteredKinds() {
        assertThat(errors(replace("kind: poisson", "kind: exponential"))).containsExactly(
                "t.yaml:7:21: populations[0].arrival.kind: bad value 'exponential': unknown arrival kind;"
                        + " one of: constant, poisson, ramp, steps, viral, waves");
    }

    @Test
    void unknownEnumValue() {
        assertThat(errors(replace("truth: legit", "truth: maybe"))).containsExactly(
                "t.yaml:6:12: populations[0].truth: bad value 'maybe': one of: legit, junk");
    }

    @Test
    void crossFieldRuleFromTheRecordIsLocatedAtTheField() {
        assertThat(errors(replace("sigma: 0.5}", "sigma: 0.5, max: 1MB}"))).containsExactly(
                "t.yaml:11:82: populations[0].media.types.photo.size.max: bad value '1MB':"
                        + " bounds must satisfy min <= median <= max");
    }

    @Test
    void recordRuleInsideAListIsLocatedAtTheListItem() {
        assertThat(errors(replace("arrival: {kind: poisson, rate: 2}",
                "arrival: {kind: steps, steps: [{at: 5s, rate: 1}, {at: 2s, rate: 3}]}"))).containsExactly(
                "t.yaml:7:60: populations[0].arrival.steps[1].at: bad value '2s':"
                        + " steps must be in increasing order of 'at'");
    }

    @Test
    void errorsInsideWavesCarryTheFullPath() {
        assertThat(errors(replace("arrival: {kind: poisson, rate: 2}", """
                arrival:
                      kind: waves
                      waves:
                        - {start: 0s, length: 10s, arrival: {kind: viral, growth: 5s, peak: 0, decay: 2s}}""")))
                .containsExactly("t.yaml:10:77: populations[0].arrival.waves[0].arrival.peak: bad value '0':"
                        + " must be a number > 0");
    }

    @Test
    void duplicateKey() {
        assertThat(errors(replace("duration: 30s", "duration: 30s\nduration: 40s"))).containsExactly(
                "t.yaml:4:1: duration: bad value 'duration': duplicate key; it is already set on line 3");
    }

    @Test
    void ruleThatDependsOnTruth() {
        assertThat(errors(replace("truth: legit", "truth: junk"))).containsExactly(
                "t.yaml:10:7: populations[0].media.sourcePool: bad value 'absent':"
                        + " a junk population with media needs a sourcePool");
    }

    @Test
    void everyErrorIsReportedAtOnceInFileOrder() {
        String yaml = VALID.replace("duration: 30s", "duration: soon").replace("rate: 2", "rate: -1")
                .replace("devices: 10", "devices: 0");
        assertThat(errors(yaml)).extracting(m -> m.substring(0, m.indexOf(": bad")))
                .containsExactly("t.yaml:3:11: duration", "t.yaml:7:36: populations[0].arrival.rate",
                        "t.yaml:8:25: populations[0].identity.devices");
    }

    @Test
    void exceptionMessageListsEveryErrorOnItsOwnLine() {
        assertThatThrownBy(() -> Scenarios.parse(VALID.replace("rate: 2", "rate: -1").replace("30s", "x"), "t.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("2 errors in scenario")
                .hasMessageContaining(System.lineSeparator() + "  t.yaml:3:11: duration: bad value 'x'")
                .hasMessageContaining(System.lineSeparator() + "  t.yaml:7:36: populations[0].arrival.rate: bad value '-1'");
    }

    @Test
    void overrideOutOfRangeIsAScenarioException() {
        assertThatThrownBy(() -> Scenarios.parse(VALID, "t.yaml").withScale(2))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("1 error in scenario" + System.lineSeparator()
                        + "  <override>: scale: bad value '2': must be > 0 and <= 1");
    }

    @Test
    void unknownBuiltinOrMissingFile() {
        assertThatThrownBy(() -> Scenarios.resolve("no-such-flood"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("no-such-flood: (root): bad value 'no-such-flood': a built-in scenario (baseline,");
    }
}
