package org.iechorfile.engine.image;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Jackson stays inside image.json: the domain model and public signatures never show it. */
class ImagePackageArchitectureTest {

  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.iechorfile.engine");

  @Test
  void imageDomain_noJacksonDependency() {
    noClasses()
        .that()
        .resideInAPackage("org.iechorfile.engine.image")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.fasterxml.jackson..")
        .check(ENGINE);
  }

  @Test
  void publicMethods_noJacksonTypesInSignatures() {
    methods()
        .that()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .resideInAnyPackage("org.iechorfile.engine..")
        .should()
        .notHaveRawReturnType(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "a Jackson type",
                (com.tngtech.archunit.core.domain.JavaClass c) ->
                    c.getPackageName().startsWith("com.fasterxml")))
        .andShould()
        .notHaveRawParameterTypes(
            com.tngtech.archunit.base.DescribedPredicate.anyElementThat(
                com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a Jackson type",
                    (com.tngtech.archunit.core.domain.JavaClass c) ->
                        c.getPackageName().startsWith("com.fasterxml"))))
        .check(ENGINE);
  }

  @Test
  void imageDomain_noDependencyOnRegistry() {
    noClasses()
        .that()
        .resideInAnyPackage("org.iechorfile.engine.image..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.iechorfile.engine.registry..")
        .check(ENGINE);
  }
}
