package dev.tipflood.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Applies {@link GroundTruthRules} to the server's production classes. */
class ArchitectureTest {

  private static JavaClasses server;

  @BeforeAll
  static void importServer() {
    server = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.tipflood.server");
  }

  @Test
  void truthTypesStayInMeasure() {
    GroundTruthRules.TRUTH_TYPES_STAY_IN_MEASURE.check(server);
  }

  @Test
  void truthHeaderNamesStayInMeasure() {
    GroundTruthRules.TRUTH_HEADER_NAMES_STAY_IN_MEASURE.check(server);
  }

  @Test
  void defencesDoNotDependOnMeasure() {
    GroundTruthRules.DEFENCES_DO_NOT_DEPEND_ON_MEASURE.check(server);
  }

  @Test
  void modelIsFrameworkFree() {
    GroundTruthRules.MODEL_IS_FRAMEWORK_FREE.check(server);
  }

  @Test
  void modelReadsNoClock() {
    GroundTruthRules.MODEL_READS_NO_CLOCK.check(server);
  }
}
