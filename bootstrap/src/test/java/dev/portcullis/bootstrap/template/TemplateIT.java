package dev.portcullis.bootstrap.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The template's handler against the jar that {@code package} built (hence an IT: it runs after).
 */
class TemplateIT {

  private static final Path JAR = Path.of("target", "portcullis.jar");

  @Test
  void the_template_deploys_the_jar_the_build_makes() {
    Template template = Template.repository();
    String fn = AuthorizerLookups.authorizer(template).orElseThrow();

    Path codeUri = Path.of("..").resolve((String) template.properties(fn).get("CodeUri"));

    assertThat(codeUri).exists();
    assertThat(codeUri.toAbsolutePath().normalize()).isEqualTo(JAR.toAbsolutePath().normalize());
  }

  @Test
  void the_handler_class_is_in_the_built_jar_and_is_a_request_stream_handler() {
    Template template = Template.repository();
    String handler =
        (String)
            template
                .properties(AuthorizerLookups.authorizer(template).orElseThrow())
                .get("Handler");

    assertThat(Files.isRegularFile(JAR)).as("%s is built by package", JAR).isTrue();
    assertThat(HandlerInJar.check(JAR, handler)).isEmpty();
  }

  @Test
  void a_handler_class_that_is_not_in_the_jar_is_reported() {
    assertThat(HandlerInJar.check(JAR, "dev.portcullis.bootstrap.Handler::handleRequest"))
        .singleElement()
        .asString()
        .contains("has no dev/portcullis/bootstrap/Handler.class");
  }

  @Test
  void a_class_that_is_not_a_stream_handler_is_reported() {
    assertThat(HandlerInJar.check(JAR, "dev.portcullis.bootstrap.Portcullis::handleRequest"))
        .anySatisfy(
            p -> assertThat(p).contains("does not implement " + HandlerInJar.STREAM_HANDLER))
        .anySatisfy(p -> assertThat(p).contains("no public no-argument constructor"));
  }

  @Test
  void a_handler_method_that_does_not_exist_is_reported() {
    assertThat(HandlerInJar.check(JAR, "dev.portcullis.bootstrap.LambdaHandler::handle"))
        .singleElement()
        .asString()
        .contains("has no public handle(InputStream, OutputStream, Context)");
  }
}
