package io.fenghuo.dispatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dispatch domain stays plain Java, so it can be driven and tested without Spring. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.fenghuo.dispatch");

  @Test
  void theDomainImportsNoSpringJdbcKafkaOrWebTypes() {
    noClasses()
        .that()
        .resideInAPackage("io.fenghuo.dispatch.incident")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "java.sql..",
            "javax.sql..",
            "org.apache.kafka..",
            "jakarta.servlet..",
            "tools.jackson..",
            "io.github.resilience4j..",
            "io.fenghuo.starter..")
        .check(CLASSES);
  }

  @Test
  void theDomainDoesNotDependOnItsAdapters() {
    noClasses()
        .that()
        .resideInAPackage("io.fenghuo.dispatch.incident")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fenghuo.dispatch.incident.web..",
            "io.fenghuo.dispatch.incident.persistence..",
            "io.fenghuo.dispatch.incident.messaging..")
        .check(CLASSES);
  }

  @Test
  void theWebLayerDoesNotReachIntoPersistenceOrMessaging() {
    noClasses()
        .that()
        .resideInAPackage("io.fenghuo.dispatch.incident.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fenghuo.dispatch.incident.persistence..",
            "io.fenghuo.dispatch.incident.messaging..")
        .check(CLASSES);
  }
}
