package io.fenghuo.unit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The archive's domain stays plain Java, so it can be driven and tested without Spring. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.fenghuo.unit");

  @Test
  void theDomainImportsNoSpringJdbcKafkaOrWebTypes() {
    noClasses()
        .that()
        .resideInAnyPackage("io.fenghuo.unit.archive", "io.fenghuo.unit.archive.validation")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "java.sql..",
            "javax.sql..",
            "org.apache.kafka..",
            "jakarta.servlet..",
            "tools.jackson..",
            "io.fenghuo.starter..")
        .check(CLASSES);
  }

  @Test
  void theDomainDoesNotDependOnItsAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage("io.fenghuo.unit.archive", "io.fenghuo.unit.archive.validation")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fenghuo.unit.archive.web..",
            "io.fenghuo.unit.archive.persistence..",
            "io.fenghuo.unit.archive.messaging..")
        .check(CLASSES);
  }

  @Test
  void adaptersDoNotCallEachOther() {
    noClasses()
        .that()
        .resideInAPackage("io.fenghuo.unit.archive.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fenghuo.unit.archive.persistence..", "io.fenghuo.unit.archive.messaging..")
        .check(CLASSES);
  }
}
