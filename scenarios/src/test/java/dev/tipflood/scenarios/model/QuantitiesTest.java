package dev.tipflood.scenarios.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.binding.InvalidFieldException;
import dev.tipflood.units.ByteRate;
import dev.tipflood.units.ByteSize;
import dev.tipflood.units.Durations;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest
    @CsvSource({"0B, 0", "512KB, 512000", "3MB, 3000000", "1.5GB, 1500000000", "64KiB, 65536", "2MiB, 2097152",
            "1GiB, 1073741824", "2.5MB, 2500000"})
    void sizesUseDecimalAndBinaryUnits(String text, long bytes) {
        assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3 MB", "3mb", "3M", "3000000", "MB", "-1MB", "3MB ", "1,5MB", "3Mb"})
    void sizesOutsideTheStrictSyntaxAreRejectedWithTheRule(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).hasMessageEndingWith(ByteSize.EXPECTED);
    }

    @ParameterizedTest
    @CsvSource({"500ms, 500", "90s, 90000", "2m, 120000", "1.5h, 5400000", "0.5s, 500"})
    void durationsUseOneUnit(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"90", "90 s", "1m30s", "90sec", "2M", "s"})
    void durationsOutsideTheStrictSyntaxAreRejected(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessageEndingWith(Durations.EXPECTED);
    }

    @Test
    void durationsFormatBackInTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ofMillis(90_000))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    @Test
    void bandwidthIsASizePerSecondAndScales() {
        assertThat(ByteRate.parse("16KB/s").bytesPerSecond()).isEqualTo(16_000);
        assertThat(ByteRate.parse("16KB/s").scaled(0.05).bytesPerSecond()).isEqualTo(800);
        assertThatThrownBy(() -> ByteRate.parse("16KB")).hasMessage("'16KB' is not " + ByteRate.EXPECTED);
        assertThatThrownBy(() -> ByteRate.parse("0B/s")).hasMessage("'0B/s' is not " + ByteRate.EXPECTED);
    }

    @Test
    void ipMappingsParseAndPrintTheSameWay() {
        for (String s : new String[] {"per-device", "random", "shared-nat:8"}) {
            assertThat(IpMapping.parse(s)).hasToString(s);
        }
        assertThat(IpMapping.parse("shared-nat:8").devicesPerAddress()).isEqualTo(8);
        assertThatThrownBy(() -> IpMapping.parse("shared-nat:0")).hasMessage(IpMapping.EXPECTED);
        assertThatThrownBy(() -> IpMapping.parse("nat")).hasMessage(IpMapping.EXPECTED);
    }

    @Test
    void retryConditionsMatchCodesAndClasses() {
        assertThat(RetryCondition.parse("5xx").matchesStatus(503)).isTrue();
        assertThat(RetryCondition.parse("5xx").matchesStatus(429)).isFalse();
        assertThat(RetryCondition.parse("429").matchesStatus(429)).isTrue();
        assertThat(RetryCondition.parse("timeout").kind()).isEqualTo(RetryCondition.Kind.TIMEOUT);
        assertThatThrownBy(() -> RetryCondition.parse("200")).hasMessage(RetryCondition.EXPECTED);
        assertThatThrownBy(() -> RetryCondition.parse("3xx")).hasMessage(RetryCondition.EXPECTED);
    }

    @Test
    void targetsAreEmbeddedOrHttpUrls() {
        assertThat(Target.parse("embedded").isEmbedded()).isTrue();
        assertThat(Target.parse("http://127.0.0.1:8080").url()).hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(8080));
        assertThatThrownBy(() -> Target.parse("ftp://example.org")).hasMessage(Target.EXPECTED);
        assertThatThrownBy(() -> Target.parse("localhost:8080")).hasMessage(Target.EXPECTED);
    }

    @Test
    void recordsNameEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> new IdentityModel(0, 2, null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("devices: bad value '0': must be an integer >= 1; rotationShare: bad value '2': must be a"
                        + " share between 0 and 1; ipMapping: bad value 'null': a value is required");
    }
}
