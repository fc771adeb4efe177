package dev.tipflood.reports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of the reports module: reading ({@code rundir}) knows nothing of analysis;
 * analysis knows nothing of its outputs; the outputs do not know each other; no cycles.
 */
class ReportLayersTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tipflood.reports");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.tipflood.reports.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void readingTheRunDirectoryDependsOnNothingElseOfTheModule() {
    noClasses().that().resideInAPackage("..reports.rundir..").should().dependOnClassesThat()
        .resideInAnyPackage("..reports.analysis..", "..reports.html..", "..reports.json..", "..reports.junit..",
            "..reports.check..")
        .check(CLASSES);
  }

  @Test
  void theAnalysisDoesNotKnowItsOutputs() {
    noClasses().that().resideInAPackage("..reports.analysis..").should().dependOnClassesThat()
        .resideInAnyPackage("..reports.html..", "..reports.json..", "..reports.junit..", "..reports.check..")
        .check(CLASSES);
  }

  @Test
  void theOutputsDoNotKnowEachOther() {
    String[] outputs = {"html", "json", "junit"};
    for (String output : outputs) {
      for (String other : new String[] {"html", "json", "junit", "check"}) {
        if (!other.equals(output)) {
          noClasses().that().resideInAPackage("..reports." + output + "..").should().dependOnClassesThat()
              .resideInAPackage("..reports." + other + "..").check(CLASSES);
        }
      }
    }
  }
}
