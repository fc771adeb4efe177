package dev.tipflood.loadgen;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The load generator's packages form no cycle: the CLI sits on top (cli -> run -> gatling, plan,
 * forecast, ...), exit codes belong to the run and target safety to its own package.
 */
class PackageCyclesTest {
  private static final JavaClasses LOADGEN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tipflood.loadgen");

  static final ArchRule NO_CYCLES = slices().matching("dev.tipflood.loadgen.(*)..").should().beFreeOfCycles();

  @Test
  void loadgenPackagesAreFreeOfCycles() {
    NO_CYCLES.check(LOADGEN);
  }
}
