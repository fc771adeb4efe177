package dev.tipflood.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.tipflood.archfixtures.defence.AsksTheOracle;
import dev.tipflood.archfixtures.defence.KeysOnRoutingContext;
import dev.tipflood.archfixtures.defence.LearnsFromVerdicts;
import dev.tipflood.archfixtures.defence.ReadsTheSystemClock;
import dev.tipflood.archfixtures.defence.PeeksAtTruthHeader;
import dev.tipflood.archfixtures.defence.ReadsMeasurements;
import dev.tipflood.archfixtures.defence.UsesTruthType;
import org.junit.jupiter.api.Test;

/** Shows that each ground-truth rule fails on a class that breaks it, and only then. */
class GroundTruthRulesCatchViolationsTest {

  private static JavaClasses only(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  @Test
  void literalHeaderNameIsCaught() {
    EvaluationResult result =
        GroundTruthRules.TRUTH_HEADER_NAMES_STAY_IN_MEASURE.evaluate(only(PeeksAtTruthHeader.class));
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains(PeeksAtTruthHeader.class.getName()) && d.contains("x-tipflood-"));
  }

  @Test
  void truthTypeAndHeaderConstantAreCaught() {
    EvaluationResult result =
        GroundTruthRules.TRUTH_TYPES_STAY_IN_MEASURE.evaluate(only(UsesTruthType.class));
    assertThat(result.hasViolation()).isTrue();
    assertThat(String.join("\n", result.getFailureReport().getDetails()))
        .contains("dev.tipflood.server.measure.truth.Truth")
        .contains("TruthHeaders.TRUTH");
  }

  @Test
  void defenceDependingOnMeasurementIsCaught() {
    EvaluationResult result =
        GroundTruthRules.DEFENCES_DO_NOT_DEPEND_ON_MEASURE.evaluate(only(ReadsMeasurements.class));
    assertThat(result.hasViolation()).isTrue();
    assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("ReviewScoring");
  }

  @Test
  void defenceReadingTheSystemClockIsCaught() {
    EvaluationResult result = GroundTruthRules.DEFENCE_POLICIES_ARE_FRAMEWORK_FREE_AND_CLOCK_INJECTED
        .evaluate(only(ReadsTheSystemClock.class));
    assertThat(result.hasViolation()).isTrue();
    assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("System.nanoTime()");
  }

  @Test
  void defenceWithAFrameworkTypeIsCaught() {
    EvaluationResult result = GroundTruthRules.DEFENCE_POLICIES_ARE_FRAMEWORK_FREE_AND_CLOCK_INJECTED
        .evaluate(only(KeysOnRoutingContext.class));
    assertThat(result.hasViolation()).isTrue();
    assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("RoutingContext");
  }

  @Test
  void defenceAskingTheReviewersOracleIsCaught() {
    EvaluationResult result = GroundTruthRules.DEFENCES_DO_NOT_ASK_THE_ORACLE.evaluate(only(AsksTheOracle.class));
    assertThat(result.hasViolation()).isTrue();
    assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("GroundTruthOracle");
  }

  @Test
  void defenceThatLearnsFromVerdictsPassesEveryRule() {
    JavaClasses honest = only(LearnsFromVerdicts.class);
    assertThat(GroundTruthRules.TRUTH_TYPES_STAY_IN_MEASURE.evaluate(honest).hasViolation()).isFalse();
    assertThat(GroundTruthRules.TRUTH_HEADER_NAMES_STAY_IN_MEASURE.evaluate(honest).hasViolation()).isFalse();
    assertThat(GroundTruthRules.DEFENCES_DO_NOT_DEPEND_ON_MEASURE.evaluate(honest).hasViolation()).isFalse();
    assertThat(GroundTruthRules.DEFENCES_DO_NOT_ASK_THE_ORACLE.evaluate(honest).hasViolation()).isFalse();
    assertThat(GroundTruthRules.DEFENCE_POLICIES_ARE_FRAMEWORK_FREE_AND_CLOCK_INJECTED.evaluate(honest).hasViolation())
        .isFalse();
  }
}
