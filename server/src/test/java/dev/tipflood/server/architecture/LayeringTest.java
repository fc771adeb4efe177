package dev.tipflood.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package tree is the architecture: the core stays free of Vert.x and of the API layer. */
class LayeringTest {
  private static final JavaClasses SERVER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.tipflood.server");

  @Test
  void modelConfigStorageAndPipelineHaveNoVertxTypes() {
    noClasses().that().resideInAnyPackage("..server.config..", "..server.tip..", "..server.storage..",
            "..server.model..")
        .or().belongToAnyOf(dev.tipflood.server.wiring.TipPipeline.class)
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..")
        .check(SERVER);
  }

  @Test
  void coreDoesNotReachIntoTheApiLayer() {
    noClasses().that().resideInAnyPackage("..server.config..", "..server.tip..", "..server.storage..",
            "..server.model..")
        .or().belongToAnyOf(dev.tipflood.server.wiring.TipPipeline.class)
        .should().dependOnClassesThat().resideInAnyPackage("..server.api..", "..server.admin..", "..server.ingress..")
        .check(SERVER);
  }
}
