package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.map;
import static dev.portcullis.bootstrap.template.TemplateParts.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example APIs: Portcullis guards every route, may be invoked, and caches safely; each check
 * fails on a copy of {@code template.yaml} broken on purpose.
 */
class AuthorizerChecksTest {

  @Test
  void both_apis_use_portcullis_on_every_route_and_may_invoke_it() {
    assertThat(AuthorizerChecks.all(Template.repository())).isEmpty();
  }

  @Test
  void an_http_api_that_may_not_invoke_the_authorizer_is_reported() {
    Template t = Template.repository();
    t.resources().remove("HttpApiInvokesAuthorizer");

    assertThat(AuthorizerChecks.all(t))
        .singleElement()
        .asString()
        .contains("no AWS::Lambda::Permission lets HttpApi invoke");
  }

  @Test
  void an_authorizer_that_is_not_portcullis_is_reported() {
    Template t = Template.repository();
    map(at(t.properties("RestApi"), "Auth", "Authorizers", "PortcullisToken"))
        .put("FunctionArn", Map.of("Fn::GetAtt", List.of("EchoFunction", "Arn")));

    assertThat(AuthorizerChecks.all(t))
        .singleElement()
        .asString()
        .contains("authorizer PortcullisToken invokes {Fn::GetAtt=[EchoFunction, Arn]}");
  }

  @Test
  void a_response_mode_that_does_not_follow_simple_responses_is_reported() {
    Template t = Template.repository();
    variables(t).put("PORTCULLIS_HTTP_RESPONSE", "iam");

    assertThat(AuthorizerChecks.all(t))
        .singleElement()
        .asString()
        .contains("must follow the same condition");
  }

  @Test
  void simple_responses_without_the_route_key_are_reported() {
    Template t = Template.repository();
    map(at(t.properties("HttpApi"), "Auth", "Authorizers", "PortcullisRequest", "Identity"))
        .remove("Context");

    assertThat(AuthorizerChecks.all(t))
        .singleElement()
        .asString()
        .contains("without $context.routeKey in its identity sources");
  }

  @Test
  void a_route_of_the_definition_without_the_authorizer_is_reported() {
    Template t = Template.repository();
    map(at(t.properties("RestApi"), "DefinitionBody", "paths", "/orders", "post"))
        .remove("security");

    assertThat(AuthorizerChecks.all(t))
        .singleElement()
        .asString()
        .contains("RestApi POST /orders is not protected");
  }

  @Test
  void an_event_that_opts_out_of_the_authorizer_is_reported() {
    Template t = Template.repository();
    Map<String, Object> event =
        map(at(t.properties("EchoFunction"), "Events", "HttpAdminEcho", "Properties"));
    event.put("Auth", Map.of("Authorizer", "NONE"));

    assertThat(AuthorizerChecks.all(t))
        .singleElement()
        .asString()
        .contains("event HttpAdminEcho adds GET /admin/echo to HttpApi with authorizer NONE");
  }

  @Test
  void a_result_ttl_left_to_a_default_is_reported() {
    Template t = Template.repository();
    map(at(t.properties("RestApi"), "Auth", "Authorizers", "PortcullisToken", "Identity"))
        .remove("ReauthorizeEvery");

    assertThat(AuthorizerChecks.all(t))
        .singleElement()
        .asString()
        .contains("leaves its result TTL to a default");
  }
}
