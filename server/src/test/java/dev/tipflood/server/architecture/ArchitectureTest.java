package dev.tipflood.server.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Applies {@link GroundTruthRules} to the server's production classes. */
@AnalyzeClasses(packages = "dev.tipflood.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule truthTypesStayInMeasure = GroundTruthRules.TRUTH_TYPES_STAY_IN_MEASURE;

  @ArchTest
  static final ArchRule truthHeaderNamesStayInMeasure = GroundTruthRules.TRUTH_HEADER_NAMES_STAY_IN_MEASURE;

  @ArchTest
  static final ArchRule defencesDoNotDependOnMeasure = GroundTruthRules.DEFENCES_DO_NOT_DEPEND_ON_MEASURE;

  @ArchTest
  static final ArchRule modelIsFrameworkFree = GroundTruthRules.MODEL_IS_FRAMEWORK_FREE;

  @ArchTest
  static final ArchRule modelReadsNoClock = GroundTruthRules.MODEL_READS_NO_CLOCK;
}
