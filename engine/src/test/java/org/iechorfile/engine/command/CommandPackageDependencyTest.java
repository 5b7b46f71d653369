package org.iechorfile.engine.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The command catalogue depends only on the JDK and Jackson, so that the engine's API package
 * (Analysis) and the front ends' command parser can both use it without a package cycle.
 */
class CommandPackageDependencyTest {

  @Test
  void commandPackage_dependencies_areOnlyJdkAndJackson() {
    JavaClasses engine =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.iechorfile.engine");
    // The catalogue's own types; the commands and their executor use the session and the rest
    // of the engine, which the API package never reaches through the catalogue.
    classes()
        .that()
        .haveFullyQualifiedName("org.iechorfile.engine.command.CommandCatalogue")
        .or()
        .haveFullyQualifiedName("org.iechorfile.engine.command.CommandSpec")
        .or()
        .haveFullyQualifiedName("org.iechorfile.engine.command.CommandOption")
        .or()
        .haveFullyQualifiedName("org.iechorfile.engine.command.ArgumentKind")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "org.iechorfile.engine.command", "java..", "com.fasterxml.jackson.databind..")
        .check(engine);
  }
}
