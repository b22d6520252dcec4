package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;
import static dev.portcullis.bootstrap.template.TemplateParts.authorizerProps;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The authorizer's role against the calls its path really makes; each check fails on a copy of
 * {@code template.yaml} broken on purpose.
 */
class RoleChecksTest {

  @Test
  void the_authorizer_path_calls_get_item_and_nothing_else() {
    assertThat(SessionAdapter.authorizerActions()).containsExactly("dynamodb:GetItem");
  }

  @Test
  void the_role_allows_exactly_get_item_on_the_table() {
    assertThat(RoleChecks.all(Template.repository())).isEmpty();
  }

  @Test
  void an_action_the_authorizer_never_calls_is_reported() {
    Template t = Template.repository();
    statement(t).put("Action", new ArrayList<Object>(List.of("dynamodb:GetItem", "dynamodb:Scan")));

    assertThat(RoleChecks.all(t))
        .singleElement()
        .asString()
        .contains("allows dynamodb:Scan, which the authorizer never calls");
  }

  @Test
  void a_missing_action_is_reported() {
    Template t = Template.repository();
    statement(t).put("Action", "dynamodb:Query");

    assertThat(RoleChecks.all(t))
        .hasSize(2)
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("calls dynamodb:GetItem but AuthorizerRole does not allow it"))
        .anySatisfy(p -> assertThat(p).contains("allows dynamodb:Query"));
  }

  @Test
  void a_grant_on_every_resource_is_reported() {
    Template t = Template.repository();
    statement(t).put("Resource", "*");

    assertThat(RoleChecks.all(t))
        .singleElement()
        .asString()
        .contains("grants [dynamodb:GetItem] on *: grant only on the sessions table");
  }

  @Test
  void a_grant_on_the_index_is_reported() {
    Template t = Template.repository();
    statement(t).put("Resource", Map.of("Fn::Sub", "${SessionTable.Arn}/index/*"));

    assertThat(RoleChecks.all(t)).singleElement().asString().contains("/index/*");
  }

  @Test
  void a_broader_managed_policy_is_reported() {
    Template t = Template.repository();
    list(map(t.properties("AuthorizerRole")).get("ManagedPolicyArns"))
        .add("arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess");

    assertThat(RoleChecks.all(t))
        .singleElement()
        .asString()
        .contains("AmazonDynamoDBReadOnlyAccess: only AWSLambdaBasicExecutionRole");
  }

  @Test
  void sam_policies_beside_the_role_are_reported() {
    Template t = Template.repository();
    authorizerProps(t).put("Policies", List.of("AmazonDynamoDBFullAccess"));

    assertThat(RoleChecks.all(t)).singleElement().asString().contains("SAM Policies");
  }

  private Map<String, Object> statement(Template t) {
    Object policy = list(t.properties("AuthorizerRole").get("Policies")).get(0);
    return map(list(at(policy, "PolicyDocument", "Statement")).get(0));
  }
}
