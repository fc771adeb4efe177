package dev.tipflood.server.config;

import static dev.tipflood.server.config.ProfileTexts.error;
import static dev.tipflood.server.config.ProfileTexts.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefenceSectionTest {
  @Test
  void defencesAreComposedByNameWithTheirSettingsInOrder() {
    Profile p = parse("name: x\ndefences:\n  - name: per-device\n    kind: token-bucket\n    key: device\n"
        + "    capacity: 3\n  - {name: adaptive, kind: adaptive-concurrency, algorithm: vegas, enabled: false}\n");
    assertThat(p.defences()).extracting(DefenceSpec::name).containsExactly("per-device", "adaptive");
    assertThat(p.defences().get(0).settings()).containsEntry("capacity", "3").containsEntry("key", "device");
    assertThat(p.defences().get(1).enabled()).isFalse();
  }

  @Test
  void noDefencesByDefaultAndTheBaselineProfilesHaveNone() {
    assertThat(parse("name: x\n").defences()).isEmpty();
    assertThat(ProfileLoader.builtin("tipline").defences()).isEmpty();
    assertThat(ProfileLoader.builtin("naive").defences()).isEmpty();
    assertThat(ProfileLoader.builtin("tipline+throttle").defences()).hasSizeGreaterThan(5);
  }

  @Test
  void badSettingNamesFileLineFieldDefenceAndWhatIsValid() {
    assertThat(error("name: x\ndefences:\n  - name: per-device\n    kind: token-bucket\n    key: device\n"
        + "    capacity: lots\n")).isEqualTo("p.yaml:6:15: defences[0].capacity: bad value 'lots': 'lots' is not a "
        + "whole number (defence 'per-device', kind token-bucket)");
  }

  @Test
  void unknownKindListsTheKinds() {
    assertThat(error("name: x\ndefences:\n  - name: a\n    kind: token-buket\n")).isEqualTo(
        "p.yaml:4:11: defences[0].kind: bad value 'token-buket': 'token-buket' is not a defence kind; the kinds are: token-bucket, "
            + "global-rate, adaptive-concurrency, queue-deadline, client-bandwidth, client-uploads, media-sniff, "
            + "exact-duplicate, triage-score, pdq-blocklist, brownout (defence 'a', kind token-buket)");
  }

  @Test
  void badTriageSettingNamesFileLineFieldAndWhatIsValid() {
    assertThat(error("name: x\ndefences:\n  - name: dups\n    kind: exact-duplicate\n    onDuplicate: ignore\n"))
        .isEqualTo("p.yaml:5:18: defences[0].onDuplicate: bad value 'ignore': 'ignore' is not allowed: use reject, down-rank "
            + "or link (defence 'dups', kind exact-duplicate)");
    assertThat(parse("name: x\ndefences:\n  - name: dups\n    kind: exact-duplicate\n    onDuplicate: link\n")
        .defences().get(0).settings()).containsEntry("onDuplicate", "link");
    assertThat(error("name: x\ndefences:\n  - name: s\n    kind: triage-score\n    jurisdiction: \"1,2,3\"\n"))
        .startsWith("p.yaml:5:19: defences[0].jurisdiction: bad value '1,2,3': '1,2,3' is neither a box");
  }

  @Test
  void unknownSettingListsWhatIsAllowedForTheKind() {
    assertThat(error("name: x\ndefences:\n  - name: a\n    kind: client-uploads\n    maxx: 3\n")).isEqualTo(
        "p.yaml:5:5: defences[0].maxx: bad value 'maxx': unknown setting; the settings of kind 'client-uploads' are: "
            + "key, max");
  }

  @Test
  void missingRequiredSettingPointsAtTheEntry() {
    assertThat(error("name: x\ndefences:\n  - name: a\n    kind: token-bucket\n")).startsWith(
        "p.yaml:3:5: defences[0].key: missing: is required: device, address or both");
  }

  @Test
  void crossFieldRuleNamesTheField() {
    assertThat(error("name: x\ndefences:\n  - {name: a, kind: adaptive-concurrency, minLimit: 10, initialLimit: 5}\n"))
        .contains("defences[0].initialLimit: bad value '5': must be at least minLimit (10), got 5");
  }

  @Test
  void theAdaptiveLimitsHeavySplitIsValidatedFieldByField() {
    assertThat(error("name: x\ndefences:\n  - {name: a, kind: adaptive-concurrency, heavyAfter: 8, heavyShare: 1.5}\n"))
        .contains("defences[0].heavyShare: bad value '1.5': must be a fraction strictly between 0 and 1, got 1.5");
    assertThat(error("name: x\ndefences:\n  - {name: a, kind: adaptive-concurrency, heavyAfter: 8, heavyShare: half}\n"))
        .contains("defences[0].heavyShare: bad value 'half': 'half' is not a decimal fraction like 0.25");
    assertThat(error("name: x\ndefences:\n  - {name: a, kind: adaptive-concurrency, heavyAfter: 0}\n"))
        .contains("defences[0].heavyAfter: bad value '0': must be at least 1 request, got 0");
    assertThat(error("name: x\ndefences:\n  - {name: a, kind: adaptive-concurrency, heavyAfter: 8, heavyHalfLife: 0s}\n"))
        .contains("defences[0].heavyHalfLife: bad value '0s': must be a positive duration");
    assertThat(parse("name: x\ndefences:\n  - {name: a, kind: adaptive-concurrency, heavyAfter: 8}\n")
        .defences().get(0).settings()).containsEntry("heavyAfter", "8");
  }

  @Test
  void theBrownoutsTextAloneWindowMustOutlastItsUploadSlot() {
    assertThat(error("name: x\ndefences:\n  - {name: b, kind: brownout, later: 5m, textAloneAfter: 5m}\n"))
        .contains("defences[0].textAloneAfter: bad value '5m': must be longer than later (5m), got 5m");
    assertThat(error("name: x\ndefences:\n  - {name: b, kind: brownout, textAloneAfter: 0s}\n"))
        .contains("defences[0].textAloneAfter: bad value '0s': must be a positive duration");
    assertThat(parse("name: x\ndefences:\n  - {name: b, kind: brownout, later: 3s, textAloneAfter: 30s}\n")
        .defences().get(0).settings()).containsEntry("textAloneAfter", "30s");
  }

  @Test
  void duplicateNamesAndNonScalarsAreRefused() {
    assertThat(error("name: x\ndefences:\n  - {name: a, kind: client-uploads}\n  - {name: a, kind: client-uploads}\n"))
        .contains("defences: bad value '[2 items]': two defences are named 'a'");
    assertThat(error("name: x\ndefences:\n  - name: a\n    kind: client-uploads\n    max: [1, 2]\n"))
        .isEqualTo("p.yaml:5:10: defences[0].max: bad value '[2 items]': a single value (text, number or "
            + "true/false)");
  }

  @Test
  void scalingShrinksOnlyByteSettings() {
    Profile p = parse("name: x\ndefences:\n  - {name: bw, kind: client-bandwidth, rate: 10MB/s, burst: 20MB}\n"
        + "  - {name: g, kind: global-rate, rate: 50/s}\n").scaled(0.01);
    assertThat(p.defences().get(0).settings()).containsEntry("rate", "100KB/s").containsEntry("burst", "200KB");
    assertThat(p.defences().get(1).settings()).containsEntry("rate", "50/s");
  }
}
