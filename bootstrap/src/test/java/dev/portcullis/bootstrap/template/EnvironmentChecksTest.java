package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.TemplateParts.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The authorizer's environment against Configuration.VARIABLES and REQUIRED; each check fails on a
 * copy of {@code template.yaml} broken on purpose.
 */
class EnvironmentChecksTest {

  @Test
  void every_variable_is_one_portcullis_reads_and_every_required_one_is_set() {
    assertThat(EnvironmentChecks.all(Template.repository())).isEmpty();
  }

  @Test
  void a_misspelt_variable_is_reported() {
    Template t = Template.repository();
    variables(t).put("PORTCULLIS_TABEL", "sessions");

    assertThat(EnvironmentChecks.all(t))
        .singleElement()
        .asString()
        .startsWith("PORTCULLIS_TABEL is set on the authorizer but is not in");
  }

  @Test
  void a_variable_lambda_reserves_is_reported() {
    Template t = Template.repository();
    variables(t).put("AWS_REGION", "eu-west-1");

    assertThat(EnvironmentChecks.all(t))
        .singleElement()
        .asString()
        .startsWith("AWS_REGION is reserved by Lambda");
  }

  @Test
  void a_missing_required_variable_is_reported() {
    Template t = Template.repository();
    variables(t).remove("PORTCULLIS_RULES");

    assertThat(EnvironmentChecks.all(t))
        .singleElement()
        .asString()
        .isEqualTo("PORTCULLIS_RULES is required by Portcullis but the authorizer does not set it");
  }

  @Test
  void a_required_variable_set_only_under_a_condition_is_reported() {
    Template t = Template.repository();
    variables(t)
        .put(
            "PORTCULLIS_RULES",
            Map.of(
                "Fn::If",
                List.of("HasJwtIssuer", Template.ref("Rules"), Template.ref("AWS::NoValue"))));

    assertThat(EnvironmentChecks.all(t))
        .singleElement()
        .asString()
        .contains("set only under a condition");
  }

  @Test
  void a_table_variable_that_does_not_name_the_table_resource_is_reported() {
    Template t = Template.repository();
    variables(t).put("PORTCULLIS_TABLE", "portcullis-sessions");

    assertThat(EnvironmentChecks.all(t))
        .first()
        .asString()
        .startsWith("PORTCULLIS_TABLE must be !Ref of the sessions table");
  }

  @Test
  void the_table_is_passed_exactly_when_the_chain_names_dynamodb() {
    Template t = Template.repository();
    Conditions jwtOnly = new Conditions(t, Map.of("Backends", "jwt"));
    Conditions both = new Conditions(t, Map.of("Backends", "jwt,dynamodb"));
    Object table = variables(t).get("PORTCULLIS_TABLE");

    assertThat(jwtOnly.holds("HasDynamoDb")).isFalse();
    assertThat(jwtOnly.value(table)).isNull();
    assertThat(both.holds("HasDynamoDb")).isTrue();
    assertThat(both.value(table)).isEqualTo(Template.ref("SessionTable"));
    assertThat(BackendChains.ALL).hasSize(15).contains("dynamodb", "jwt,memory,dynamodb");
  }

  @Test
  void a_table_passed_to_a_chain_without_dynamodb_is_reported() {
    Template t = Template.repository();
    variables(t).put("PORTCULLIS_TABLE", Template.ref("SessionTable"));

    assertThat(EnvironmentChecks.all(t))
        .hasSize(4)
        .allSatisfy(
            p ->
                assertThat(p)
                    .contains("PORTCULLIS_TABLE is set, though the chain does not name dynamodb"))
        .anySatisfy(p -> assertThat(p).startsWith("with Backends=jwt,"));
  }

  @Test
  void a_chain_parameter_that_allows_a_chain_portcullis_refuses_is_reported() {
    Template t = Template.repository();
    List<Object> allowed =
        new java.util.ArrayList<>(
            Template.list(Template.at(t.parameters().get("Backends"), "AllowedValues")));
    allowed.add("dynamodb,ldap");
    Template.map(t.parameters().get("Backends")).put("AllowedValues", allowed);

    assertThat(EnvironmentChecks.all(t))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "parameter Backends must allow exactly the chains Portcullis accepts"));
  }
}
