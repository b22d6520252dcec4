package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;
import static dev.portcullis.bootstrap.template.TemplateParts.replaceInSub;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Routes straight to an AWS service reach one resource, keyed on the vouched-for principal; each
 * check fails on a copy of {@code template.yaml} broken on purpose.
 */
class DirectIntegrationChecksTest {

  @Test
  void the_sqs_and_dynamodb_routes_each_reach_their_one_resource() {
    Template t = Template.repository();

    assertThat(DirectIntegrationChecks.routes(t))
        .extracting(DirectIntegrationChecks.Route::toString)
        .containsExactlyInAnyOrder("RestApi POST /orders", "RestApi GET /me/orders");
    assertThat(DirectIntegrationChecks.all(t)).isEmpty();
  }

  @Test
  void a_role_with_a_wildcard_action_or_resource_is_reported() {
    Template t = Template.repository();
    Map<String, Object> statement = onlyStatement(t, "ApiToDynamoDbRole");
    statement.put("Action", "dynamodb:*");
    statement.put("Resource", "*");

    assertThat(DirectIntegrationChecks.all(t))
        .anySatisfy(p -> assertThat(p).contains("allows dynamodb:*: name exactly one action"))
        .anySatisfy(p -> assertThat(p).contains("reaches *: grant only on one resource"));
  }

  @Test
  void a_query_keyed_on_a_value_the_caller_sends_is_reported() {
    Template t = Template.repository();
    replaceInSub(
        requestTemplates(t),
        "application/json",
        "$context.authorizer.principalId",
        "$input.params('user')");

    assertThat(DirectIntegrationChecks.all(t))
        .anySatisfy(p -> assertThat(p).contains("does not key its request on"))
        .anySatisfy(p -> assertThat(p).contains("from $input.params, a value the caller"));
  }

  @Test
  void a_query_of_another_table_or_action_than_the_role_grants_is_reported() {
    Template t = Template.repository();
    replaceInSub(requestTemplates(t), "application/json", "${OrdersTable}", "${SessionTable}");
    onlyStatement(t, "ApiToDynamoDbRole").put("Action", "dynamodb:Scan");

    assertThat(DirectIntegrationChecks.all(t))
        .anySatisfy(p -> assertThat(p).contains("queries SessionTable but its role grants"))
        .anySatisfy(p -> assertThat(p).contains("calls dynamodb:Query but its role allows"));
  }

  private Map<String, Object> onlyStatement(Template t, String role) {
    Object policy = list(t.properties(role).get("Policies")).get(0);
    return map(list(at(policy, "PolicyDocument", "Statement")).get(0));
  }

  private Map<String, Object> requestTemplates(Template t) {
    return map(
        at(
            t.properties("RestApi"),
            "DefinitionBody",
            "paths",
            "/me/orders",
            "get",
            "x-amazon-apigateway-integration",
            "requestTemplates"));
  }
}
