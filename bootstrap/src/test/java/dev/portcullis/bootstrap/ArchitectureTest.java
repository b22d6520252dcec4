package dev.portcullis.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module rule: dependencies point inward only, adapters never meet, the local gateway and
 * bootstrap meet only in the serve command, and Dagger stays in bootstrap.
 */
class ArchitectureTest {

  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // The modules' test-jars (the contract suites, the DynamoDB harness) are not product.
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("dev.portcullis");

  private static final List<String> ADAPTERS = List.of("inmemory", "dynamodb", "lambda", "jwt");

  /** The serve command and its options, with any class nested in them. */
  private static final String SERVE_COMMAND =
      "dev\\.portcullis\\.bootstrap\\.cli\\.Serve(Command|Options)(\\$.*)?";

  /** An allow-list: Jackson, AWS and Dagger stay out of the domain. */
  @Test
  void the_domain_depends_on_itself_and_the_jdk_only() {
    classes()
        .that()
        .resideInAPackage("dev.portcullis.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.portcullis.domain..", "java..")
        .check(PRODUCT);
  }

  @Test
  void adapters_never_depend_on_each_other() {
    for (String adapter : ADAPTERS) {
      String[] others =
          ADAPTERS.stream()
              .filter(a -> !a.equals(adapter))
              .map(a -> "dev.portcullis.adapters." + a + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("dev.portcullis.adapters." + adapter + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .allowEmptyShould(true)
          .check(PRODUCT);
    }
  }

  @Test
  void nothing_but_bootstrap_depends_on_bootstrap() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.portcullis.bootstrap..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.portcullis.bootstrap..")
        .check(PRODUCT);
  }

  /**
   * The local gateway is a driving adapter of its own: the domain, Lambda's handler interface,
   * Jackson and the JDK (its HTTP server included), never bootstrap or another adapter.
   */
  @Test
  void the_local_gateway_depends_on_the_domain_lambda_core_jackson_and_the_jdk_only() {
    classes()
        .that()
        .resideInAPackage("dev.portcullis.gateway..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.portcullis.gateway..",
            "dev.portcullis.domain..",
            "com.amazonaws.services.lambda.runtime..",
            "com.fasterxml.jackson..",
            "com.sun.net.httpserver..",
            "java..")
        .check(PRODUCT);
  }

  /**
   * Bootstrap and the local gateway never leak into each other: no gateway class sees bootstrap,
   * and in bootstrap only the serve command and its options, which wire the two together, see the
   * gateway.
   */
  @Test
  void the_local_gateway_and_bootstrap_meet_only_in_the_serve_command() {
    noClasses()
        .that()
        .resideInAPackage("dev.portcullis.gateway..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.portcullis.bootstrap..")
        .check(PRODUCT);
    noClasses()
        .that()
        .resideInAPackage("dev.portcullis.bootstrap..")
        .and()
        .haveNameNotMatching(SERVE_COMMAND)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.portcullis.gateway..")
        .check(PRODUCT);
  }

  @Test
  void only_bootstrap_sees_dagger() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.portcullis.bootstrap..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dagger..", "javax.inject..", "jakarta.inject..")
        .check(PRODUCT);
  }

  @Test
  void the_product_holds_every_module() {
    org.assertj.core.api.Assertions.assertThat(PRODUCT.stream().map(c -> c.getPackageName()))
        .anySatisfy(
            p -> org.assertj.core.api.Assertions.assertThat(p).startsWith("dev.portcullis.domain"))
        .anySatisfy(
            p ->
                org.assertj.core.api.Assertions.assertThat(p)
                    .startsWith("dev.portcullis.adapters.lambda"))
        .anySatisfy(
            p ->
                org.assertj.core.api.Assertions.assertThat(p)
                    .startsWith("dev.portcullis.adapters.inmemory"));
  }
}
