package dev.tipflood.scenarios;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The scenarios module's packages form no cycle. {@code Scenarios}, the facade at the root, sits
 * on top of load, model, validate and the rest; the {@code Scenario} record lives in {@code model}
 * and {@code ScenarioException} in {@code validate}, so no package reaches back to the root.
 */
class PackageCyclesTest {
  private static final JavaClasses SCENARIOS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tipflood.scenarios");

  @Test
  void scenarioPackagesAreFreeOfCycles() {
    slices().matching("dev.tipflood.scenarios.(*)..").should().beFreeOfCycles().check(SCENARIOS);
  }

  /** The root holds only the facade; a subpackage that used it would close a cycle through it. */
  @Test
  void noPackageReachesBackToTheFacade() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .that().resideInAPackage("dev.tipflood.scenarios.(*)..")
        .should().dependOnClassesThat().resideInAPackage("dev.tipflood.scenarios")
        .check(SCENARIOS);
  }
}
