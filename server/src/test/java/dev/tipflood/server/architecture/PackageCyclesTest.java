package dev.tipflood.server.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The server's packages form no cycle, each package its own slice (the root and every subpackage):
 * the bootstrap at the root sits on top; the extension points it wires are in {@code wiring}; the
 * error catalogue every layer answers with is in {@code api.error}, below the API, the upload
 * stream and the ingress gate.
 */
class PackageCyclesTest {
  private static final JavaClasses SERVER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tipflood.server");

  /** One slice per package: a cycle between a package and its own subpackage counts too. */
  static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      return c.getPackageName().startsWith("dev.tipflood.server")
          ? SliceIdentifier.of(c.getPackageName()) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "each package of dev.tipflood.server";
    }
  };

  @Test
  void everyServerPackageIsFreeOfCycles() {
    slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(SERVER);
  }
}
