package dev.tipflood.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tipflood.server.config.Profile;

/** Applies {@link GroundTruthRules} to the server's production classes, and keeps health checks profile-blind. */
@AnalyzeClasses(packages = "dev.tipflood.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule truthTypesStayInMeasure = GroundTruthRules.TRUTH_TYPES_STAY_IN_MEASURE;

  @ArchTest
  static final ArchRule truthHeaderNamesStayInMeasure = GroundTruthRules.TRUTH_HEADER_NAMES_STAY_IN_MEASURE;

  @ArchTest
  static final ArchRule defencesDoNotDependOnMeasure = GroundTruthRules.DEFENCES_DO_NOT_DEPEND_ON_MEASURE;

  @ArchTest
  static final ArchRule defencesDoNotAskTheOracle = GroundTruthRules.DEFENCES_DO_NOT_ASK_THE_ORACLE;

  @ArchTest
  static final ArchRule defencePoliciesAreFrameworkFreeAndClockInjected =
      GroundTruthRules.DEFENCE_POLICIES_ARE_FRAMEWORK_FREE_AND_CLOCK_INJECTED;

  @ArchTest
  static final ArchRule defenceTreeHasNoCycles = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
      .slices().matching("dev.tipflood.server.defence.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule defenceRootDependsOnNoSubpackage = noClasses()
      .that().resideInAPackage("dev.tipflood.server.defence")
      .should().dependOnClassesThat().resideInAPackage("dev.tipflood.server.defence.*..")
      .because("the contracts sit at the root; throttles, control and the adapter build on them, not the reverse");

  @ArchTest
  static final ArchRule modelIsFrameworkFree = GroundTruthRules.MODEL_IS_FRAMEWORK_FREE;

  @ArchTest
  static final ArchRule modelReadsNoClock = GroundTruthRules.MODEL_READS_NO_CLOCK;

  @ArchTest
  static final ArchRule healthReadsNoGroundTruthNorProfileName = noClasses()
      .that().resideInAPackage("dev.tipflood.server.health..")
      .should().dependOnClassesThat().resideInAPackage("dev.tipflood.server.measure..")
      .orShould().callMethod(Profile.class, "name")
      .because("liveness and readiness come from the process's own pressure signals, the same for every "
          + "profile: never from ground truth, never keyed on which profile runs");

  @ArchTest
  static final ArchRule serverIsBlindToTheScenarioModel = noClasses()
      .that().resideInAPackage("dev.tipflood.server..")
      .should().dependOnClassesThat().resideInAPackage("dev.tipflood.scenarios..")
      .because("the scenario model carries the truth labels of every population; the server shares only the "
          + "unit grammar (dev.tipflood.units) with it, and learns a tip's truth only through the measurement "
          + "plane's truth headers");

  @ArchTest
  static final ArchRule tipIdsComeFromAStrongGenerator = noClasses()
      .that().belongToAnyOf(dev.tipflood.server.tip.TipId.class)
      .should().dependOnClassesThat().belongToAnyOf(java.util.Random.class,
          java.util.concurrent.ThreadLocalRandom.class, java.util.SplittableRandom.class)
      .orShould().callMethod(Math.class, "random")
      .because("a tip id is the only key to its GET: predictable generators would make ids guessable "
          + "(SecureRandom extends Random, so that dependency is checked by TipIdTest instead)");
}
