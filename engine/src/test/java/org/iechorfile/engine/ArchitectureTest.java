package org.iechorfile.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine's dependency rules from the style guide, checked on the compiled classes. */
class ArchitectureTest {

  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.iechorfile.engine");

  @Test
  void engine_neverUsesFrontEndLibraries() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jline..", "org.zeromq..", "zmq..", "picocli..")
        .check(ENGINE);
  }

  @Test
  void engine_neverPrints() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(ENGINE);
  }

  @Test
  void syntax_isPureAndIndependentOfTheRestOfTheEngine() {
    noClasses()
        .that()
        .resideInAPackage("org.iechorfile.engine.syntax..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.nio.file..",
            "java.net..",
            "org.iechorfile.engine.image..",
            "org.iechorfile.engine.store..",
            "org.iechorfile.engine.registry..",
            "org.iechorfile.engine.sandbox..")
        .check(ENGINE);
  }

  @Test
  void packages_haveNoCycles() {
    slices().matching("org.iechorfile.engine.(**)").should().beFreeOfCycles().check(ENGINE);
  }
}
