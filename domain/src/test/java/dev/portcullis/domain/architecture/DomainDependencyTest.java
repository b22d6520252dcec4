package dev.portcullis.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Checks that the domain depends on itself and the JDK's {@code java..} packages only. */
class DomainDependencyTest {

  private static final JavaClasses DOMAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.portcullis.domain");

  @Test
  void domain_classes_depend_only_on_the_domain_and_java() {
    ArchRule rule =
        classes()
            .that()
            .resideInAPackage("dev.portcullis.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("dev.portcullis.domain..", "java..")
            .because("the domain is pure Java: AWS, Jackson or Dagger must not leak in");

    rule.check(DOMAIN);
  }

  @Test
  void the_rule_is_checked_against_the_real_domain_classes() {
    // A rule over an empty import would pass vacuously.
    org.assertj.core.api.Assertions.assertThat(
            DOMAIN.contain("dev.portcullis.domain.model.Credential"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(DOMAIN.size()).isGreaterThan(20);
  }
}
