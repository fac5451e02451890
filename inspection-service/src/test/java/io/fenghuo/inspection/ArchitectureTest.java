package io.fenghuo.inspection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The inspection domain stays plain Java, so it can be driven and tested without Spring. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.fenghuo.inspection");

  @Test
  void theDomainImportsNoSpringJdbcKafkaOrWebTypes() {
    noClasses()
        .that()
        .resideInAPackage("io.fenghuo.inspection.inspection")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "java.sql..",
            "javax.sql..",
            "org.apache.kafka..",
            "jakarta.servlet..",
            "tools.jackson..",
            "io.fenghuo.starter..",
            "io.fenghuo.inspection.inspection.persistence..",
            "io.fenghuo.inspection.inspection.messaging..",
            "io.fenghuo.inspection.inspection.web..")
        .check(CLASSES);
  }

  @Test
  void theWebAdapterDoesNotCallTheOtherAdapters() {
    noClasses()
        .that()
        .resideInAPackage("io.fenghuo.inspection.inspection.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fenghuo.inspection.inspection.persistence..",
            "io.fenghuo.inspection.inspection.messaging..")
        .check(CLASSES);
  }
}
