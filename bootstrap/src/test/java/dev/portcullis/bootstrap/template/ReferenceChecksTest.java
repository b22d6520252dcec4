package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.map;
import static dev.portcullis.bootstrap.template.TemplateParts.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ref, GetAtt, Sub variables and conditions all resolve; each check fails on a copy of {@code
 * template.yaml} broken on purpose.
 */
class ReferenceChecksTest {

  @Test
  void every_reference_resolves() {
    assertThat(ReferenceChecks.all(Template.repository())).isEmpty();
  }

  @Test
  void sam_generated_names_are_the_ones_sam_generates_here() {
    assertThat(ReferenceChecks.samGenerated(Template.repository()))
        .containsExactlyInAnyOrder(
            "AuthorizerFunction.Alias",
            "AuthorizerFunction.Version",
            "AuthorizerImageFunction.Alias",
            "AuthorizerImageFunction.Version",
            "EchoFunctionRole",
            "RestApi.Stage",
            "RestApi.Deployment");
  }

  @Test
  void a_ref_to_an_undefined_name_is_reported() {
    Template t = Template.repository();
    variables(t).put("PORTCULLIS_BACKENDS", Template.ref("Backend"));

    assertThat(ReferenceChecks.all(t))
        .singleElement()
        .asString()
        .contains("Ref Backend is not a parameter, resource or pseudo parameter");
  }

  @Test
  void a_sam_name_sam_does_not_generate_here_is_reported() {
    Template t = Template.repository();
    variables(t).put("PORTCULLIS_BACKENDS", Template.ref("AuthorizerFunctionRole"));
    variables(t).put("PORTCULLIS_RULES", Template.ref("ServerlessRestApi"));

    assertThat(ReferenceChecks.all(t))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("Ref AuthorizerFunctionRole"))
        .anySatisfy(p -> assertThat(p).contains("Ref ServerlessRestApi"));
  }

  @Test
  void a_sub_variable_that_names_nothing_is_reported() {
    Template t = Template.repository();
    map(t.outputs().get("HttpApiUrl"))
        .put(
            "Value",
            Map.of("Fn::Sub", "https://${HttpAPI}.execute-api.${AWS::Region}/${!Literal}"));

    assertThat(ReferenceChecks.all(t))
        .singleElement()
        .asString()
        .contains("${HttpAPI} is not a parameter");
  }

  @Test
  void an_attribute_the_resource_does_not_have_is_reported() {
    Template t = Template.repository();
    map(t.outputs().get("SessionTableName"))
        .put("Value", Map.of("Fn::GetAtt", List.of("SessionTable", "Name")));
    map(t.outputs().get("HttpApiUrl")).put("Value", Map.of("Fn::Sub", "${OrdersQueue.Url}"));

    assertThat(ReferenceChecks.all(t))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("SessionTable has no attribute Name"))
        .anySatisfy(p -> assertThat(p).contains("OrdersQueue has no attribute Url"));
  }

  @Test
  void an_undefined_condition_is_reported() {
    Template t = Template.repository();
    variables(t)
        .put(
            "JAVA_TOOL_OPTIONS",
            Map.of("Fn::If", List.of("HasJavaOptions", "x", Template.ref("AWS::NoValue"))));
    map(t.resources().get("OrdersQueue")).put("Condition", "WithQueue");

    assertThat(ReferenceChecks.all(t))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("Fn::If names condition HasJavaOptions"))
        .anySatisfy(p -> assertThat(p).contains("condition WithQueue is not defined"));
  }

  @Test
  void a_dependency_on_no_resource_is_reported() {
    Template t = Template.repository();
    map(t.resources().get("AuthorizerLogGroup")).put("DependsOn", "AuthorizerFunktion");

    assertThat(ReferenceChecks.all(t))
        .singleElement()
        .asString()
        .contains("DependsOn AuthorizerFunktion");
  }
}
