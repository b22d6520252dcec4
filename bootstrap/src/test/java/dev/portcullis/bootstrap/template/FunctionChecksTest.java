package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.map;
import static dev.portcullis.bootstrap.template.TemplateParts.authorizerProps;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The function that runs Portcullis, and its container-image twin for Packaging=Image, pass their
 * checks in {@code template.yaml}, and each check fails on a copy broken on purpose.
 */
class FunctionChecksTest {

  @Test
  void the_authorizer_runs_the_portcullis_handler_from_the_built_jar_on_java() {
    assertThat(FunctionChecks.function(Template.repository())).isEmpty();
  }

  @Test
  void a_handler_that_is_not_portcullis_is_reported() {
    Template t = Template.repository();
    authorizerProps(t).put("Handler", "dev.portcullis.bootstrap.Handler::handleRequest");

    assertThat(FunctionChecks.function(t))
        .singleElement()
        .asString()
        .contains("expected exactly one AWS::Serverless::Function with Handler");
  }

  @Test
  void another_runtime_artifact_build_or_log_format_is_reported() {
    Template t = Template.repository();
    authorizerProps(t).put("Runtime", "java8.al2");
    authorizerProps(t).put("CodeUri", "target/portcullis.jar");
    authorizerProps(t).remove("LoggingConfig");
    map(t.resources().get("AuthorizerFunction")).remove("Metadata");

    assertThat(FunctionChecks.function(t))
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).contains("lacks Metadata.SkipBuild"))
        .anySatisfy(p -> assertThat(p).contains("Runtime is java8.al2"))
        .anySatisfy(p -> assertThat(p).contains("CodeUri is target/portcullis.jar"))
        .anySatisfy(p -> assertThat(p).contains("LogFormat is not JSON"));
  }

  @Test
  void the_image_function_runs_the_zip_functions_configuration_under_its_own_condition() {
    Template t = Template.repository();

    assertThat(AuthorizerLookups.imageFunctions(t)).containsExactly("AuthorizerImageFunction");
    assertThat(FunctionChecks.imageFunction(t)).isEmpty();
  }

  @Test
  void an_image_function_that_drifts_from_the_zip_one_is_reported() {
    Template t = Template.repository();
    Map<String, Object> image = t.properties("AuthorizerImageFunction");
    image.put("Timeout", 30);
    image.put("Tracing", "Active");
    image.put("ImageUri", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/portcullis:1");
    map(t.resources().get("AuthorizerImageFunction")).remove("Condition");

    assertThat(FunctionChecks.imageFunction(t))
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).contains("Timeout differs"))
        .anySatisfy(p -> assertThat(p).contains("sets Tracing"))
        .anySatisfy(p -> assertThat(p).contains("not a Ref to a parameter"))
        .anySatisfy(p -> assertThat(p).contains("two different conditions"));
  }
}
